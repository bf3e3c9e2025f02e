using Amazon.DynamoDBv2;
using Remittance.Pipeline.Observability;

namespace Remittance.Pipeline.Tracking;

/// <summary>
/// Records a workflow failure on its item, by execution name: status FAILED, the last error, and the item on the
/// retry index while attempts remain below the threshold, on the failed index at it. Read (consistently), decide,
/// write under the version read; a lost race reads and decides again. Idempotent: the same failure delivered twice
/// (EventBridge delivers at least once) is recognised by execution name and redrive count and written once.
/// </summary>
public sealed class FailureRecorder
{
    /// <summary>Version races lost in a row before giving up (each one means another writer made progress).</summary>
    public const int MaxRaces = 5;

    private readonly TrackingTable _table;
    private readonly JsonLog _log;

    public FailureRecorder(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider time, int retryThreshold, JsonLog log)
        : this(new TrackingTable(dynamoDb, tableName, time), retryThreshold, log)
    {
    }

    public FailureRecorder(TrackingTable table, int retryThreshold, JsonLog log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retryThreshold, 1);
        _table = table;
        _log = log;
        RetryThreshold = retryThreshold;
    }

    /// <summary>Executions (first run, redrives and new runs) an item may have before it goes to the failed index.</summary>
    public int RetryThreshold { get; }

    public Task<FailureOutcome> RecordFailureAsync(string requestId, string executionName, string error, string cause, CancellationToken cancellationToken) =>
        RecordFailureAsync(new ExecutionFailure(requestId, executionName, error, cause), cancellationToken);

    /// <exception cref="VersionRaceException">The item changed under every one of <see cref="MaxRaces"/> writes.</exception>
    public async Task<FailureOutcome> RecordFailureAsync(ExecutionFailure failure, CancellationToken cancellationToken)
    {
        for (var race = 1; race <= MaxRaces; race++)
        {
            var item = await _table.GetAsync(failure.RequestId, cancellationToken).ConfigureAwait(false);
            var outcome = FailureDecision.Decide(item, failure, RetryThreshold);
            if ((outcome is FailureOutcome.RecordedForRetry or FailureOutcome.RecordedAsFailed)
                && !await _table.RecordFailureAsync(item!, failure, outcome == FailureOutcome.RecordedAsFailed, cancellationToken).ConfigureAwait(false))
            {
                _log.Debug("failure.version_race", ("requestId", failure.RequestId), ("executionName", failure.ExecutionName),
                    ("version", item!.Version), ("race", race));
                continue;
            }

            _log.Info("failure.processed", ("requestId", failure.RequestId), ("executionName", failure.ExecutionName),
                ("redriveCount", failure.RedriveCount), ("error", failure.Error), ("attempt", item?.Attempt),
                ("outcome", outcome.ToString()));
            return outcome;
        }

        throw new VersionRaceException(failure.RequestId, MaxRaces);
    }
}
