namespace Remittance.Cost.Pricing;

/// <summary>One function's share: invocations per remittance, their mean billed duration, and GB-seconds per remittance.</summary>
public sealed record LambdaUse(string Function, int MemoryMb, decimal InvocationsPerRemittance, decimal MeanBilledMs, decimal GbSecondsPerRemittance);
