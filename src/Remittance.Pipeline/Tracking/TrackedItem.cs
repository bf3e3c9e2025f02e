using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Remittance.Domain;
using Remittance.Pipeline.Schema;

namespace Remittance.Pipeline.Tracking;

/// <summary>
/// One consistent snapshot of a remittance item, as failure tracking and the sweeper see it. <see cref="Attributes"/>
/// is the whole item, for the execution input.
/// </summary>
public sealed record TrackedItem(
    string RequestId,
    string Status,
    long Version,
    int Attempt,
    string ExecutionName,
    DateTimeOffset? UpdatedAt,
    bool OnRetryIndex,
    bool OnFailedIndex,
    bool OnRunningIndex,
    LastFailure? LastFailure,
    IReadOnlyDictionary<string, AttributeValue> Attributes)
{
    /// <summary>
    /// RECEIVED, RUNNING and FAILED are the states of a run still owed; any other status of a remittance item is the
    /// service's success status, written by the workflow.
    /// </summary>
    public bool HasSucceeded => Status != RemittanceStatus.Received.ToWire()
                                && Status != RemittanceStatus.Running.ToWire()
                                && Status != RemittanceStatus.Failed.ToWire();

    /// <summary>The snapshot, or null when the item is missing, is a rejection or conflict record, or lacks tracking fields.</summary>
    public static TrackedItem? From(IReadOnlyDictionary<string, AttributeValue>? item)
    {
        if (item is null || Text(item, ItemAttributes.RequestId) is not { } requestId
            || requestId.StartsWith(RemittanceTableSchema.RejectedKeyPrefix, StringComparison.Ordinal)
            || requestId.StartsWith(RemittanceTableSchema.ConflictKeyPrefix, StringComparison.Ordinal)
            || Text(item, ItemAttributes.Status) is not { } status
            || Text(item, ItemAttributes.ExecutionName) is not { } executionName
            || Number(item, ItemAttributes.VersionId) is not { } version
            || Number(item, ItemAttributes.Attempt) is not { } attempt || attempt is < 1 or > int.MaxValue)
        {
            return null;
        }

        return new TrackedItem(
            requestId,
            status,
            version,
            (int)attempt,
            executionName,
            DateTimeOffset.TryParse(Text(item, ItemAttributes.UpdatedAt), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var updatedAt) ? updatedAt : null,
            item.ContainsKey(ItemAttributes.RetryJob),
            item.ContainsKey(ItemAttributes.FailedJob),
            item.ContainsKey(ItemAttributes.RunningJob),
            ReadLastFailure(item),
            item);
    }

    private static LastFailure? ReadLastFailure(IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(ItemAttributes.LastError, out var value) || value.M is not { } map)
        {
            return null;
        }

        return new LastFailure(
            Text(map, LastErrorFields.Error) ?? string.Empty,
            Text(map, LastErrorFields.ExecutionName),
            Number(map, LastErrorFields.RedriveCount) is { } count ? (int)Math.Clamp(count, 0, int.MaxValue) : 0);
    }

    private static string? Text(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    private static long? Number(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
