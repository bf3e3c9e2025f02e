using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Observability;

/// <summary>Counts the failed index and writes the metric line (stdout in Lambda: CloudWatch Logs extracts it).</summary>
public sealed class FailedItemsMetric(TrackingTable table, string service, TimeProvider time, TextWriter output)
{
    public async Task<int> PublishAsync(CancellationToken cancellationToken)
    {
        var failed = await table.CountIndexAsync(RemittanceTableSchema.FailedIndex, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(SweeperMetrics.FailedItemsLine(service, failed, time.GetUtcNow())).ConfigureAwait(false);
        return failed;
    }
}
