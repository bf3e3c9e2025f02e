using Remittance.Cost.Pricing;
using Remittance.DynamoDbLocal;
using Remittance.Local.Input;

namespace Remittance.Cost;

/// <summary>Everything <see cref="CostRun"/> needs.</summary>
public sealed record CostRunOptions
{
    public const long DefaultVolume = 42_000_000;
    public const int DefaultSweepIntervalMinutes = 15;

    public required string InputDescription { get; init; }

    /// <summary>Remittances only (see <see cref="CostInput"/>).</summary>
    public required IReadOnlyList<InputMessage> Remittances { get; init; }

    public required string InvoicesPath { get; init; }

    public required string NotificationCatalogDirectory { get; init; }

    public DynamoDbLocalOptions DynamoDb { get; init; } = new();

    public UnitPrices Prices { get; init; } = UnitPrices.UsEast1;

    public LambdaMemory Memory { get; init; } = LambdaMemory.Deployed;

    /// <summary>Remittances per month.</summary>
    public long Volume { get; init; } = DefaultVolume;

    /// <summary>How often each service's sweeper runs (the deployed default, cdk.json sweeperScheduleMinutes).</summary>
    public int SweepIntervalMinutes { get; init; } = DefaultSweepIntervalMinutes;

    /// <summary>Runs the input once unmetered-for-the-report first, so JIT compilation is not measured as Lambda time.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>Keeps this run's tables apart from others on a shared DynamoDB Local.</summary>
    public string TablePrefix { get; init; } = "remittance-cost-" + Guid.NewGuid().ToString("N")[..8] + "-";
}
