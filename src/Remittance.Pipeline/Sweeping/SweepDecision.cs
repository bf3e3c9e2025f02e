namespace Remittance.Pipeline.Sweeping;

/// <param name="Choice">What to do.</param>
/// <param name="Attempt">The item's attempt once the choice is carried out.</param>
/// <param name="ExecutionName">The execution to redrive, start, or whose failure to record.</param>
/// <param name="Reason">Why: the skip reason, the refusal's error, or the detail of a redrive or start.</param>
public sealed record SweepDecision(SweepChoice Choice, int Attempt, string ExecutionName, string? Reason = null);
