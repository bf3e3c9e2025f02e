using Remittance.Cost.MeteredRun;
using Remittance.Cost.Pricing;
using Remittance.DynamoDbLocal;

namespace Remittance.Cost;

/// <summary>
/// <c>remittance cost</c>: runs the remittances through the whole pipeline on DynamoDB Local, metered — a warm-up, the
/// happy path, and the one-redrive scenario — and prices both designs from what was measured.
/// </summary>
public static class CostRun
{
    public static async Task<CostReport> RunAsync(CostRunOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (options.Remittances.Count == 0)
        {
            throw new ArgumentException("A cost run needs at least one valid remittance.", nameof(options));
        }

        progress?.Report("starting DynamoDB Local");
        await using var server = await DynamoDbLocalServer.StartAsync(options.DynamoDb, cancellationToken).ConfigureAwait(false);
        var settings = new CostRunSettings(server.ServiceUrl, options.InvoicesPath, options.NotificationCatalogDirectory);
        if (options.WarmUp)
        {
            progress?.Report("warm-up run");
            await CostPipeline.MeasureAsync(settings, options.Remittances, CostScenario.HappyPath, options.TablePrefix + "warmup-", cancellationToken)
                .ConfigureAwait(false);
        }

        progress?.Report("happy path");
        var happy = await CostPipeline.MeasureAsync(settings, options.Remittances, CostScenario.HappyPath, options.TablePrefix + "happy-",
            cancellationToken).ConfigureAwait(false);
        progress?.Report("one redrive");
        var redrive = await CostPipeline.MeasureAsync(settings, options.Remittances, CostScenario.OneRedrive, options.TablePrefix + "redrive-",
            cancellationToken).ConfigureAwait(false);
        return CostModel.Build(options.InputDescription, happy, redrive, options.Prices, options.Memory, options.Volume, options.SweepIntervalMinutes);
    }
}
