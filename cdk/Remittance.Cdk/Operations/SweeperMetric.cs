using Remittance.Pipeline.Observability;

namespace Remittance.Cdk.Operations;

/// <summary>
/// The metric the sweeper publishes (items on the failed index per service), named once in the pipeline
/// (<see cref="SweeperMetrics"/>) and alarmed on here. It arrives as an embedded-metric-format log line, so the sweeper
/// needs no cloudwatch:PutMetricData permission.
/// </summary>
public static class SweeperMetric
{
    public const string Namespace = SweeperMetrics.Namespace;
    public const string FailedItems = SweeperMetrics.FailedItems;
    public const string ServiceDimension = SweeperMetrics.ServiceDimension;
}
