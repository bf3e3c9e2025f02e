namespace Remittance.Aws.Runtime;

/// <summary>
/// Capped exponential backoff: the ceiling for retry n is <see cref="First"/> × 2^(n-1), at most <see cref="Max"/>;
/// jitter spreads the retries of concurrent callers so they do not collide again.
/// </summary>
public sealed record Backoff(TimeSpan First, TimeSpan Max, BackoffJitter Jitter)
{
    /// <summary>The wait before retry <paramref name="retry"/> (1 for the first retry).</summary>
    public TimeSpan Delay(int retry)
    {
        var ceiling = (long)Math.Min(Max.Ticks, First.Ticks * Math.Pow(2, retry - 1));
        return Jitter == BackoffJitter.Full
            ? TimeSpan.FromTicks(ceiling) * Random.Shared.NextDouble()
            : TimeSpan.FromTicks(ceiling / 2 + Random.Shared.NextInt64(ceiling / 2 + 1));
    }
}
