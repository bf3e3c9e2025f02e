namespace Remittance.Workflows.Definition;

/// <summary>
/// Invokes the workflow function, which runs <see cref="Steps"/> in order in one invocation (e.g. validate → enrich →
/// transform). One state instead of one per step saves a state transition and a Lambda invocation per step.
/// The result replaces the value at <see cref="ResultPath"/>. When <see cref="Publishes"/> names a topic, the function
/// publishes to it itself (the <c>publish</c> step), which saves the separate publish state where the consumer is
/// idempotent.
/// </summary>
public sealed record LambdaTaskState(
    string Name,
    string Comment,
    IReadOnlyList<string> Steps,
    string ResultPath,
    IReadOnlyList<RetryPolicy> Retry,
    IReadOnlyList<CatchPolicy> Catch,
    WorkflowTopic? Publishes = null) : TaskState(Name, Comment, Retry, Catch);
