using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Domain;
using Remittance.Pipeline.Schema;

namespace Remittance.Pipeline.Storage;

/// <summary>
/// Every write to the remittance table. Remittance items are written once unconditionally-new and afterwards only
/// under an optimistic lock on <see cref="ItemAttributes.VersionId"/>.
/// </summary>
public sealed class RemittanceRepository(IAmazonDynamoDB dynamoDb, string tableName, TimeProvider time)
{
    /// <summary>How much of a bad message's body a rejection or conflict record keeps for a person to read.</summary>
    public const int MaxStoredBodyBytes = 64 * 1024;

    public string TableName => tableName;

    public async Task<PutResult> PutNewAsync(NewRemittance remittance, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = remittance.Item,
            ConditionExpression = "attribute_not_exists(#pk)",
            ExpressionAttributeNames = new() { ["#pk"] = ItemAttributes.RequestId },
            // The existing item comes back with the failure at no extra read cost.
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };

        try
        {
            await dynamoDb.PutItemAsync(request, cancellationToken).ConfigureAwait(false);
            return new PutResult(PutOutcome.Created);
        }
        catch (ConditionalCheckFailedException failure)
        {
            var existing = failure.Item is { Count: > 0 }
                ? failure.Item
                : await GetAsync(remittance.RequestId, cancellationToken).ConfigureAwait(false)
                  ?? throw new InvalidOperationException(
                      "The item existed when written but not when read back; the write will be retried.", failure);
            var existingHash = existing.TryGetValue(ItemAttributes.PayloadHash, out var hash) ? hash.S : null;
            return existingHash == remittance.PayloadHash
                ? new PutResult(PutOutcome.Duplicate, existingHash)
                : new PutResult(PutOutcome.Conflict, existingHash);
        }
    }

    public async Task<Dictionary<string, AttributeValue>?> GetAsync(string key, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = key } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>
    /// Records (or adds to) a rejection. Concurrent rejections of the same key only SET values computed from their
    /// own message and ADD to a set, so they commute and need no read-modify-write lock.
    /// </summary>
    public Task RecordRejectionAsync(Rejection rejection, CancellationToken cancellationToken)
    {
        var fields = BodyFields(rejection.Body);
        fields.Add((ItemAttributes.Reasons, new AttributeValue
        {
            L = [.. rejection.Reasons.Select(reason => new AttributeValue
            {
                M = new()
                {
                    ["field"] = new AttributeValue { S = reason.Field },
                    ["code"] = new AttributeValue { S = reason.Code },
                    ["message"] = new AttributeValue { S = reason.Message },
                },
            })],
        }));
        if (rejection.RequestId is not null)
        {
            fields.Add((ItemAttributes.RejectedRequestId, new AttributeValue { S = rejection.RequestId }));
        }

        return RecordAsync(rejection.Key, RemittanceStatus.Rejected, rejection.SqsMessageId, fields, cancellationToken);
    }

    /// <summary>Records (or adds to) a conflicting duplicate; the original remittance item is never touched.</summary>
    public Task RecordConflictAsync(Conflict conflict, CancellationToken cancellationToken)
    {
        var message = new AttributeValue { M = AttributeValueJson.FromJsonObject(conflict.Document) };
        // The message is kept as a map when it fits beside the record's other attributes; otherwise its body's head.
        var fields = ItemSize.Of(message) <= RemittanceTableSchema.MaxItemBytes - MaxStoredBodyBytes
            ? [(ItemAttributes.Message, message)]
            : BodyFields(conflict.Body);
        fields.Add((ItemAttributes.ConflictsWith, new AttributeValue { S = conflict.RequestId }));
        fields.Add((ItemAttributes.PayloadHash, new AttributeValue { S = conflict.PayloadHash }));
        fields.Add((ItemAttributes.ExistingPayloadHash, new AttributeValue { S = conflict.ExistingPayloadHash ?? string.Empty }));
        return RecordAsync(conflict.Key, RemittanceStatus.Conflict, conflict.SqsMessageId, fields, cancellationToken);
    }

    private async Task RecordAsync(
        string key,
        RemittanceStatus status,
        string sqsMessageId,
        IReadOnlyList<(string Attribute, AttributeValue Value)> fields,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["#pk"] = ItemAttributes.RequestId,
            ["#status"] = ItemAttributes.Status,
            ["#first"] = ItemAttributes.FirstSeenAt,
            ["#last"] = ItemAttributes.LastSeenAt,
            ["#updated"] = ItemAttributes.UpdatedAt,
            ["#version"] = ItemAttributes.VersionId,
            ["#mids"] = ItemAttributes.SqsMessageIds,
        };
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [":status"] = new AttributeValue { S = status.ToWire() },
            [":now"] = new AttributeValue { S = Timestamps.Format(time.GetUtcNow()) },
            [":zero"] = RemittanceItemFactory.Number(0),
            [":one"] = RemittanceItemFactory.Number(1),
            [":mid"] = new AttributeValue { SS = [sqsMessageId] },
        };
        var set = new List<string>
        {
            "#status = :status", "#first = if_not_exists(#first, :now)", "#last = :now", "#updated = :now",
            "#version = if_not_exists(#version, :zero) + :one",
        };
        for (var i = 0; i < fields.Count; i++)
        {
            names[$"#f{i}"] = fields[i].Attribute;
            values[$":f{i}"] = fields[i].Value;
            set.Add($"#f{i} = :f{i}");
        }

        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = key } },
            // ADD of the SQS message ID: a redelivered message is counted once.
            UpdateExpression = "SET " + string.Join(", ", set) + " ADD #mids :mid",
            // Only ever a record of the same kind under this key, never a remittance.
            ConditionExpression = "attribute_not_exists(#pk) OR #status = :status",
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static List<(string Attribute, AttributeValue Value)> BodyFields(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var kept = Truncate(body, MaxStoredBodyBytes);
        return
        [
            (ItemAttributes.Body, new AttributeValue { S = kept }),
            (ItemAttributes.BodyBytes, RemittanceItemFactory.Number(bytes.Length)),
            (ItemAttributes.BodySha256, new AttributeValue { S = Convert.ToHexStringLower(SHA256.HashData(bytes)) }),
            (ItemAttributes.BodyTruncated, new AttributeValue { BOOL = kept.Length < body.Length }),
        ];
    }

    // Cuts on a character boundary so the stored text stays valid UTF-8.
    private static string Truncate(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            bytes += rune.Utf8SequenceLength;
            if (bytes > maxBytes)
            {
                break;
            }

            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }

    /// <summary>
    /// Records that the run could not be started for a reason retrying the stream record cannot fix, and marks the
    /// item for the sweeper. Returns false when the item has moved on (another writer won the version race).
    /// </summary>
    public async Task<bool> RecordStartFailureAsync(
        string requestId,
        long expectedVersion,
        string error,
        string cause,
        CancellationToken cancellationToken)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = tableName,
                Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = requestId } },
                UpdateExpression = "SET #lastError = :error, #retry = :rid, #updated = :now, #version = :next",
                ConditionExpression = "#version = :expected AND #status = :received",
                ExpressionAttributeNames = new()
                {
                    ["#lastError"] = ItemAttributes.LastError,
                    ["#retry"] = ItemAttributes.RetryJob,
                    ["#updated"] = ItemAttributes.UpdatedAt,
                    ["#version"] = ItemAttributes.VersionId,
                    ["#status"] = ItemAttributes.Status,
                },
                ExpressionAttributeValues = new()
                {
                    [":error"] = LastError.ToAttributeValue(error, cause, now),
                    [":rid"] = new AttributeValue { S = requestId },
                    [":now"] = new AttributeValue { S = now },
                    [":next"] = RemittanceItemFactory.Number(expectedVersion + 1),
                    [":expected"] = RemittanceItemFactory.Number(expectedVersion),
                    [":received"] = new AttributeValue { S = RemittanceStatus.Received.ToWire() },
                },
            }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
