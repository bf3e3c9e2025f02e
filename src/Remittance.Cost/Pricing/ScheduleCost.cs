namespace Remittance.Cost.Pricing;

/// <summary>
/// What the sweeper schedule costs whatever the volume: one sweep of each service every
/// <see cref="SweepIntervalMinutes"/>, priced from the measured sweeps that found nothing to re-drive.
/// </summary>
public sealed record ScheduleCost(int SweepIntervalMinutes, decimal SweepRoundsPerMonth, Usage PerSweepRound, decimal PerMonth);
