namespace Remittance.Workflows.Definition;

/// <summary>
/// Invokes the workflow function, which runs <see cref="Steps"/> in order in one invocation (e.g. validate → enrich →
/// transform). One state instead of one per step saves a state transition and a Lambda invocation per step.
/// The result replaces the value at <see cref="ResultPath"/>.
/// </summary>
public sealed record LambdaTaskState(
    string Name,
    string Comment,
    IReadOnlyList<string> Steps,
    string ResultPath,
    IReadOnlyList<RetryPolicy> Retry,
    IReadOnlyList<CatchPolicy> Catch) : TaskState(Name, Comment, Retry, Catch);
