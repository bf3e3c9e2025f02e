namespace Remittance.Pipeline.Start;

public sealed record StartResult(string SequenceNumber, string? RequestId, string? ExecutionName, StartOutcome Outcome, string? Detail);
