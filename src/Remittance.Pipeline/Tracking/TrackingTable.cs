using System.Globalization;
using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Domain;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.Pipeline.Tracking;

/// <summary>
/// The reads and writes of failure tracking and the sweeper. Every write is one UpdateItem conditioned on the
/// <see cref="ItemAttributes.VersionId"/> that was read, and sets the next version: a writer that lost a race finds
/// out, reads again and decides again, and never overwrites what it has not seen.
/// </summary>
public sealed class TrackingTable(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider time)
{
    /// <summary>Items per page of an index scan (KEYS_ONLY entries are small; this bounds the work per page).</summary>
    public const int ScanPageSize = 100;

    public string TableName => tableName;

    public TimeProvider Time => time;

    /// <summary>A strongly consistent read (the sparse indexes are eventually consistent, the decision must not be).</summary>
    public async Task<TrackedItem?> GetAsync(string requestId, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(requestId),
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? TrackedItem.From(item) : null;
    }

    /// <summary>
    /// Records a failure: status FAILED, the last error with its execution and redrive count, the item on the retry
    /// index (or, at the threshold, the failed index) and off the running index. False when the version moved on.
    /// </summary>
    public async Task<bool> RecordFailureAsync(TrackedItem item, ExecutionFailure failure, bool pastThreshold, CancellationToken cancellationToken)
    {
        var now = Now();
        var (set, other) = pastThreshold ? ("#failed", "#retry") : ("#retry", "#failed");
        return await UpdateAsync(item, new UpdateItemRequest
        {
            UpdateExpression = $"SET #status = :status, #lastError = :error, {set} = :rid, #updated = :now, #version = :next REMOVE {other}, #running",
            ExpressionAttributeNames = Names("#status", "#lastError", "#retry", "#failed", "#running", "#updated"),
            ExpressionAttributeValues = new()
            {
                [":status"] = new AttributeValue { S = RemittanceStatus.Failed.ToWire() },
                [":error"] = LastErrorValue(failure, now),
                [":rid"] = new AttributeValue { S = item.RequestId },
                [":now"] = new AttributeValue { S = now },
            },
        }, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>
    /// Claims an item for a re-drive: takes it off the retry and failed indexes, puts it on the running index (so a
    /// claim whose start never happened is found later as stuck), and records the attempt and the execution name it
    /// will run under — before anything is started. <paramref name="redriven"/> is the failure being redriven, kept as
    /// the last error so its late delivery is recognised. Returns the claimed item, or null when another writer got
    /// there first.
    /// </summary>
    public Task<TrackedItem?> ClaimAsync(
        TrackedItem item,
        int attempt,
        string executionName,
        ExecutionFailure? redriven,
        CancellationToken cancellationToken)
    {
        var now = Now();
        var values = new Dictionary<string, AttributeValue>
        {
            [":status"] = new AttributeValue { S = RemittanceStatus.Running.ToWire() },
            [":rid"] = new AttributeValue { S = item.RequestId },
            [":attempt"] = new AttributeValue { N = attempt.ToString(CultureInfo.InvariantCulture) },
            [":name"] = new AttributeValue { S = executionName },
            [":now"] = new AttributeValue { S = now },
        };
        var set = "#status = :status, #running = :rid, #attempt = :attempt, #name = :name, #updated = :now, #version = :next";
        if (redriven is not null)
        {
            values[":error"] = LastErrorValue(redriven, now);
            set += ", #lastError = :error";
        }

        return UpdateAsync(item, new UpdateItemRequest
        {
            UpdateExpression = $"SET {set} REMOVE #retry, #failed",
            ExpressionAttributeNames = Names("#status", "#running", "#attempt", "#name", "#updated", "#retry", "#failed",
                redriven is null ? null : "#lastError"),
            ExpressionAttributeValues = values,
        }, cancellationToken);
    }

    /// <summary>The request IDs in one segment of a sparse index, page by page (a KEYS_ONLY index holds only keys).</summary>
    /// <summary>How many items an index holds (a COUNT scan: on a sparse index that is only the items needing attention).</summary>
    public async Task<int> CountIndexAsync(SparseIndex index, CancellationToken cancellationToken)
    {
        var count = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = tableName,
                IndexName = index.IndexName,
                Select = Select.COUNT,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            count += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return count;
    }

    public async IAsyncEnumerable<string> ScanIndexAsync(
        SparseIndex index,
        int segment,
        int totalSegments,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = tableName,
                IndexName = index.IndexName,
                Segment = segment,
                TotalSegments = totalSegments,
                Limit = ScanPageSize,
                ExclusiveStartKey = start,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var entry in page.Items ?? [])
            {
                if (entry.TryGetValue(ItemAttributes.RequestId, out var key) && key.S is { } requestId)
                {
                    yield return requestId;
                }
            }

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
    }

    private async Task<TrackedItem?> UpdateAsync(TrackedItem item, UpdateItemRequest request, CancellationToken cancellationToken)
    {
        request.TableName = tableName;
        request.Key = Key(item.RequestId);
        request.ConditionExpression = "#version = :expected";
        request.ExpressionAttributeNames["#version"] = ItemAttributes.VersionId;
        request.ExpressionAttributeValues[":expected"] = new AttributeValue { N = item.Version.ToString(CultureInfo.InvariantCulture) };
        request.ExpressionAttributeValues[":next"] = new AttributeValue { N = (item.Version + 1).ToString(CultureInfo.InvariantCulture) };
        request.ReturnValues = ReturnValue.ALL_NEW;
        try
        {
            var response = await dynamoDb.UpdateItemAsync(request, cancellationToken).ConfigureAwait(false);
            return TrackedItem.From(response.Attributes)
                   ?? throw new InvalidOperationException($"Item {item.RequestId} lost its tracking attributes in an update.");
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    private string Now() => Timestamps.Format(time.GetUtcNow());

    private static AttributeValue LastErrorValue(ExecutionFailure failure, string at)
    {
        var value = LastError.ToAttributeValue(failure.Error, failure.Cause, at);
        value.M[LastErrorFields.ExecutionName] = new AttributeValue { S = failure.ExecutionName };
        value.M[LastErrorFields.RedriveCount] = new AttributeValue { N = failure.RedriveCount.ToString(CultureInfo.InvariantCulture) };
        return value;
    }

    private static Dictionary<string, AttributeValue> Key(string requestId) =>
        new() { [ItemAttributes.RequestId] = new AttributeValue { S = requestId } };

    private static Dictionary<string, string> Names(params string?[] placeholders)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var placeholder in placeholders.OfType<string>())
        {
            names[placeholder] = placeholder switch
            {
                "#status" => ItemAttributes.Status,
                "#lastError" => ItemAttributes.LastError,
                "#retry" => ItemAttributes.RetryJob,
                "#failed" => ItemAttributes.FailedJob,
                "#running" => ItemAttributes.RunningJob,
                "#updated" => ItemAttributes.UpdatedAt,
                "#attempt" => ItemAttributes.Attempt,
                "#name" => ItemAttributes.ExecutionName,
                _ => throw new ArgumentOutOfRangeException(nameof(placeholders), placeholder, "Unknown placeholder."),
            };
        }

        return names;
    }
}
