namespace Remittance.Workflows.Definition;

/// <summary>
/// Records success on the item with Step Functions' native DynamoDB UpdateItem (no Lambda): the success status, the
/// JSON at <see cref="ResultPath"/> stored as <see cref="ResultAttribute"/>, every sparse-index attribute removed and
/// the version incremented — on condition that the item still belongs to this execution (its executionName), so a
/// run that was superseded by a newer attempt can never overwrite it.
/// </summary>
public sealed record RecordSuccessState(
    string Name,
    string Comment,
    string SuccessStatus,
    string ResultPath,
    string ResultAttribute,
    IReadOnlyList<RetryPolicy> Retry) : TaskState(Name, Comment, Retry, []);
