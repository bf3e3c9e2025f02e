namespace Remittance.Pipeline.Sweeping;

public sealed record SkippedItem(string RequestId, string Reason);
