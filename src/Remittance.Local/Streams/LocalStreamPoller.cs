using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Local.Streams.Client;

namespace Remittance.Local.Streams;

/// <summary>
/// Reads the table's real stream from DynamoDB Local and invokes the stream function the way Lambda's event source
/// mapping does: batches per shard, parents before children, and on reported failures a retry from the lowest
/// failed sequence number, up to <see cref="MaxRetryAttempts"/> times, after which the remaining records go to the
/// on-failure destination.
/// </summary>
public sealed class LocalStreamPoller(
    IAmazonDynamoDBStreams streams,
    string streamArn,
    Func<DynamoDBEvent, CancellationToken, Task<StreamsEventResponse>> invoke,
    int batchSize = LocalStreamPoller.DefaultBatchSize)
{
    public const int DefaultBatchSize = 100;
    public const int MaxRetryAttempts = 3;

    // Shard ID → next iterator; null once a closed shard has been read to its end.
    private readonly Dictionary<string, string?> _iterators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _parents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _lastSequence = new(StringComparer.Ordinal);
    private readonly List<DynamoDBEvent.DynamodbStreamRecord> _onFailure = [];

    // DescribeStream only when the shard set may have changed: at the start, after a shard closed (its children
    // appear then), and after a poll that read nothing. While records flow it is skipped: every call runs on DynamoDB
    // Local's single SQLite thread, which is what bounds a local run (docs/PERFORMANCE.md, end to end).
    private bool _discover = true;

    public int Invocations { get; private set; }

    public int RecordsRead { get; private set; }

    public IReadOnlyList<DynamoDBEvent.DynamodbStreamRecord> OnFailureDestination => _onFailure;

    /// <summary>
    /// Skips everything already in the stream, as an event source mapping that has checkpointed does: a local run
    /// against tables kept from an earlier run must not replay that run's records into a fresh workflow runner
    /// (Step Functions in AWS would remember the execution names; the local one starts empty).
    /// </summary>
    public async Task CheckpointAtLatestAsync(CancellationToken cancellationToken)
    {
        await DiscoverShardsAsync(cancellationToken).ConfigureAwait(false);
        foreach (var shardId in _iterators.Keys.ToList())
        {
            var latest = await streams.GetShardIteratorAsync(new GetShardIteratorRequest
            {
                StreamArn = streamArn,
                ShardId = shardId,
                ShardIteratorType = ShardIteratorType.LATEST,
            }, cancellationToken).ConfigureAwait(false);
            _iterators[shardId] = latest.ShardIterator;
        }
    }

    /// <summary>Reads every shard once and delivers what it found; returns how many records were read.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        if (_discover)
        {
            await DiscoverShardsAsync(cancellationToken).ConfigureAwait(false);
        }

        var read = 0;
        foreach (var shardId in _iterators.Keys.ToList())
        {
            if (_iterators[shardId] is not { } iterator || !ParentFinished(shardId))
            {
                continue;
            }

            GetRecordsResponse page;
            try
            {
                page = await streams.GetRecordsAsync(new GetRecordsRequest { ShardIterator = iterator, Limit = batchSize }, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception stale) when (stale is TrimmedDataAccessException or ExpiredIteratorException)
            {
                // An iterator can go stale (expired, or DynamoDB Local refusing an iterator taken while the shard was
                // empty): take a fresh one just after the last record delivered, as Lambda's poller checkpoints do.
                _iterators[shardId] = await IteratorAsync(shardId, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _iterators[shardId] = page.NextShardIterator;
            _discover |= page.NextShardIterator is null;
            if (page.Records.Count == 0)
            {
                continue;
            }

            read += page.Records.Count;
            foreach (var record in page.Records)
            {
                record.EventSourceArn ??= streamArn;
            }

            await DeliverAsync(page.Records, cancellationToken).ConfigureAwait(false);
            _lastSequence[shardId] = page.Records[^1].Dynamodb.SequenceNumber ?? string.Empty;
        }

        RecordsRead += read;
        _discover |= read == 0;
        return read;
    }

    private bool ParentFinished(string shardId) =>
        _parents[shardId] is not { } parent || !_iterators.TryGetValue(parent, out var parentIterator) || parentIterator is null;

    private async Task DiscoverShardsAsync(CancellationToken cancellationToken)
    {
        string? start = null;
        do
        {
            var description = (await streams.DescribeStreamAsync(
                new DescribeStreamRequest { StreamArn = streamArn, ExclusiveStartShardId = start }, cancellationToken).ConfigureAwait(false))
                .StreamDescription;
            foreach (var shard in description.Shards.Where(s => s.ShardId is not null && !_parents.ContainsKey(s.ShardId)))
            {
                _parents[shard.ShardId!] = shard.ParentShardId;
                _iterators[shard.ShardId!] = await IteratorAsync(shard.ShardId!, cancellationToken).ConfigureAwait(false);
            }

            start = description.LastEvaluatedShardId;
        }
        while (start is not null);
        _discover = false;
    }

    private async Task<string?> IteratorAsync(string shardId, CancellationToken cancellationToken)
    {
        var after = _lastSequence.GetValueOrDefault(shardId);
        var response = await streams.GetShardIteratorAsync(new GetShardIteratorRequest
        {
            StreamArn = streamArn,
            ShardId = shardId,
            ShardIteratorType = after is null ? ShardIteratorType.TRIM_HORIZON : ShardIteratorType.AFTER_SEQUENCE_NUMBER,
            SequenceNumber = after,
        }, cancellationToken).ConfigureAwait(false);
        return response.ShardIterator;
    }

    private async Task DeliverAsync(List<DynamoDBEvent.DynamodbStreamRecord> records, CancellationToken cancellationToken)
    {
        var pending = records;
        for (var attempt = 0; ; attempt++)
        {
            Invocations++;
            int firstFailed;
            try
            {
                var response = await invoke(new DynamoDBEvent { Records = pending }, cancellationToken).ConfigureAwait(false);
                var failed = response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
                if (failed.Count == 0)
                {
                    return;
                }

                // Lambda resumes from the lowest failed sequence number; an identifier it cannot match fails the batch.
                firstFailed = pending.FindIndex(r => failed.Contains(r.Dynamodb.SequenceNumber ?? string.Empty));
                firstFailed = firstFailed < 0 ? 0 : firstFailed;
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A function error retries the whole batch, as Lambda does.
                firstFailed = 0;
            }

            pending = pending[firstFailed..];
            if (attempt >= MaxRetryAttempts)
            {
                _onFailure.AddRange(pending);
                return;
            }
        }
    }
}
