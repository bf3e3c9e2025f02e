namespace Remittance.Pipeline.Tracking;

/// <summary>What the status function did with one execution status change.</summary>
/// <param name="RequestId">The remittance, when the event led to one.</param>
/// <param name="ExecutionName">The execution the event is about.</param>
/// <param name="Status">The execution's new status.</param>
/// <param name="Failure">The recorder's outcome; null when the event was ignored.</param>
/// <param name="IgnoredBecause">Why nothing was recorded, for a status that records nothing or a foreign event.</param>
public sealed record StatusOutcome(string? RequestId, string? ExecutionName, string? Status, FailureOutcome? Failure, string? IgnoredBecause);
