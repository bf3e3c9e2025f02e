namespace Remittance.Cdk.Operations;

/// <summary>
/// The metric the sweeper publishes after each sweep: how many items sit in the failed index (runs that used up
/// their retries). The sweeper's PutMetricData permission is limited to this namespace.
/// </summary>
public static class SweeperMetric
{
    public const string Namespace = "Remittance";
    public const string FailedItems = "FailedItems";
    public const string ServiceDimension = "Service";
}
