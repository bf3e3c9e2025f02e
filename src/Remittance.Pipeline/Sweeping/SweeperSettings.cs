using Remittance.Pipeline.Composition;

namespace Remittance.Pipeline.Sweeping;

/// <summary>How hard the sweeper may push: start rate, parallelism, and how it backs off when throttled.</summary>
public sealed record SweeperSettings
{
    /// <summary>Token bucket size for StartExecution/RedriveExecution calls.</summary>
    public int StartBurst { get; init; } = 100;

    /// <summary>Sustained StartExecution/RedriveExecution calls per second (token bucket refill).</summary>
    public double StartRatePerSecond { get; init; } = 50;

    /// <summary>Parallel scan segments per index (each is paginated).</summary>
    public int Segments { get; init; } = 4;

    /// <summary>Items examined at once.</summary>
    public int Concurrency { get; init; } = 10;

    /// <summary>Retries of a throttled Step Functions call (after the client's own) before the item is reported.</summary>
    public int MaxThrottleRetries { get; init; } = 5;

    public TimeSpan BackoffBase { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Errors a redrive cannot fix: the workflow catches them and ends in a Fail state, and RedriveExecution would
    /// resume at that Fail state and fail again. An execution that failed with one of these gets a new execution.
    /// </summary>
    public IReadOnlySet<string> NewExecutionErrors { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public static SweeperSettings From(RemittanceOptions options) => new()
    {
        StartBurst = options.StartBurst,
        StartRatePerSecond = options.StartRatePerSecond,
        Concurrency = options.Concurrency,
    };
}
