namespace Remittance.Pipeline.Sweeping;

/// <param name="RequestId">The remittance.</param>
/// <param name="Action">What was done.</param>
/// <param name="ExecutionName">The execution redriven, started, or whose failure was recorded.</param>
/// <param name="Attempt">The item's attempt after the action.</param>
/// <param name="Detail">Why, when it is not the plain retry path (a resumed claim, where a failure was recorded).</param>
public sealed record SweepAction(string RequestId, SweepActionKind Action, string ExecutionName, int Attempt, string? Detail = null);
