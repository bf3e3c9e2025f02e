namespace Remittance.Workflows.Definition;

/// <summary>
/// Publishes the JSON at <see cref="MessagePath"/> to a topic through Step Functions' native SNS integration (no Lambda).
/// <see cref="Topic"/> names the destination; the deployment substitutes its ARN, the local host its in-process sink.
/// </summary>
public sealed record PublishState(
    string Name,
    string Comment,
    WorkflowTopic Topic,
    string MessagePath,
    IReadOnlyList<RetryPolicy> Retry,
    IReadOnlyList<CatchPolicy> Catch) : TaskState(Name, Comment, Retry, Catch);
