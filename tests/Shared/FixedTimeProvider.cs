namespace Remittance.Tests.Shared;

/// <summary>A clock stopped at one instant, so signatures are reproducible; timers still run in real time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
