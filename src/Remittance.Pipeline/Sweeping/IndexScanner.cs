using System.Threading.Channels;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// Feeds a sweep its items: every segment of a sparse index scanned in parallel into a bounded channel, each request ID
/// examined as soon as it is found (at most <see cref="SweeperSettings.Concurrency"/> at once), each at most once per
/// sweep; scanning stops once the sweep has examined maxItems.
/// </summary>
internal sealed class IndexScanner(TrackingTable table, SweeperSettings settings)
{
    public async Task ExamineIndexAsync(SparseIndex index, SweepRun run, Func<string, CancellationToken, Task> examine, CancellationToken cancellationToken)
    {
        if (run.IsFull)
        {
            return;
        }

        using var stopScanning = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var found = Channel.CreateBounded<string>(settings.Concurrency * 2);
        var scan = ScanAsync(index, found.Writer, run, stopScanning.Token);
        try
        {
            await Parallel.ForEachAsync(found.Reader.ReadAllAsync(cancellationToken), Options(cancellationToken), async (requestId, token) =>
            {
                if (run.TryBegin(requestId))
                {
                    await examine(requestId, token).ConfigureAwait(false);
                }
                else if (run.IsFull)
                {
                    await stopScanning.CancelAsync().ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            await stopScanning.CancelAsync().ConfigureAwait(false);
            await scan.ConfigureAwait(false);
        }
    }

    /// <summary>The items a request names, instead of an index.</summary>
    public Task ExamineAsync(IEnumerable<string> requestIds, SweepRun run, Func<string, CancellationToken, Task> examine, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(requestIds.Distinct(StringComparer.Ordinal), Options(cancellationToken), async (requestId, token) =>
        {
            if (run.TryBegin(requestId))
            {
                await examine(requestId, token).ConfigureAwait(false);
            }
        });

    private async Task ScanAsync(SparseIndex index, ChannelWriter<string> found, SweepRun run, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, settings.Segments).Select(async segment =>
            {
                await foreach (var requestId in table.ScanIndexAsync(index, segment, settings.Segments, cancellationToken).ConfigureAwait(false))
                {
                    await found.WriteAsync(requestId, cancellationToken).ConfigureAwait(false);
                }
            })).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // maxItems reached, or the deadline: the examining side reports why.
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            run.Fail($"({index.IndexName})", $"scanning the index failed: {FailureText.Describe(failure)}");
        }
        finally
        {
            found.TryComplete();
        }
    }

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
}
