using System.Text.Json;
using Remittance.Aws.Lambda.Core;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Functions;

/// <summary>
/// The sweeper, on a schedule (a "Scheduled Event": retry index only) or invoked by hand with a sweep request
/// (<c>{"dryRun": true, "includeFailed": true, …}</c>). Returns the sweep summary. A payload that is neither fails
/// the invocation rather than guessing.
/// </summary>
/// After every sweep that changes something (not a dry run) it publishes the failed-index item count as a metric.
public sealed class SweeperFunction(Sweeper sweeper, FailedItemsMetric? metric = null)
{
    public static HandlerWrapper CreateHandler(RemittanceServices services) =>
        HandlerWrapper.GetHandlerWrapper(new SweeperFunction(services.CreateSweeper(),
            new FailedItemsMetric(services.CreateTrackingTable(), services.Service.Name, services.Time, services.LogWriter)).HandleAsync);

    public async Task<Stream> HandleAsync(Stream payload, ILambdaContext context, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await payload.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var summary = await sweeper.SweepAsync(SweepRequestReader.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length)), cancellationToken)
            .ConfigureAwait(false);
        if (!summary.DryRun && metric is not null)
        {
            await metric.PublishAsync(cancellationToken).ConfigureAwait(false);
        }

        var response = new MemoryStream();
        await JsonSerializer.SerializeAsync(response, summary, SweepJsonContext.Default.SweepSummary, CancellationToken.None).ConfigureAwait(false);
        response.Position = 0;
        return response;
    }
}
