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
        var values = BodyValues(rejection.Body);
        values[":reasons"] = new AttributeValue
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
        };
        var set = "#reasons = :reasons";
        if (rejection.RequestId is not null)
        {
            values[":rid"] = new AttributeValue { S = rejection.RequestId };
            set += ", #rid = :rid";
        }

        return RecordAsync(rejection.Key, RemittanceStatus.Rejected, rejection.SqsMessageId, set, values,
            new() { ["#reasons"] = ItemAttributes.Reasons, ["#rid"] = ItemAttributes.RejectedRequestId }, cancellationToken);
    }

    /// <summary>Records (or adds to) a conflicting duplicate; the original remittance item is never touched.</summary>
    public Task RecordConflictAsync(Conflict conflict, CancellationToken cancellationToken)
    {
        var message = new AttributeValue { M = AttributeValueJson.FromJsonObject(conflict.Document) };
        var keepMessage = ItemSize.Of(message) <= RemittanceTableSchema.MaxItemBytes - MaxStoredBodyBytes;
        var values = keepMessage ? new Dictionary<string, AttributeValue>() : BodyValues(conflict.Body);
        values[":with"] = new AttributeValue { S = conflict.RequestId };
        values[":hash"] = new AttributeValue { S = conflict.PayloadHash };
        values[":existing"] = new AttributeValue { S = conflict.ExistingPayloadHash ?? string.Empty };
        var set = "#with = :with, #hash = :hash, #existing = :existing";
        if (keepMessage)
        {
            values[":message"] = message;
            set += ", #message = :message";
        }

        return RecordAsync(conflict.Key, RemittanceStatus.Conflict, conflict.SqsMessageId, set, values, new()
        {
            ["#with"] = ItemAttributes.ConflictsWith,
            ["#hash"] = ItemAttributes.PayloadHash,
            ["#existing"] = ItemAttributes.ExistingPayloadHash,
            ["#message"] = ItemAttributes.Message,
        }, cancellationToken);
    }

    private async Task RecordAsync(
        string key,
        RemittanceStatus status,
        string sqsMessageId,
        string extraSet,
        Dictionary<string, AttributeValue> values,
        Dictionary<string, string> names,
        CancellationToken cancellationToken)
    {
        var now = Timestamps.Format(time.GetUtcNow());
        values[":status"] = new AttributeValue { S = status.ToWire() };
        values[":now"] = new AttributeValue { S = now };
        values[":zero"] = RemittanceItemFactory.Number(0);
        values[":one"] = RemittanceItemFactory.Number(1);
        values[":mid"] = new AttributeValue { SS = [sqsMessageId] };
        names["#pk"] = ItemAttributes.RequestId;
        names["#status"] = ItemAttributes.Status;
        names["#first"] = ItemAttributes.FirstSeenAt;
        names["#last"] = ItemAttributes.LastSeenAt;
        names["#updated"] = ItemAttributes.UpdatedAt;
        names["#version"] = ItemAttributes.VersionId;
        names["#mids"] = ItemAttributes.SqsMessageIds;
        foreach (var placeholder in values.Keys.Where(k => k.StartsWith(":body", StringComparison.Ordinal)))
        {
            names["#" + placeholder[1..]] = placeholder switch
            {
                ":body" => ItemAttributes.Body,
                ":bodyBytes" => ItemAttributes.BodyBytes,
                ":bodySha256" => ItemAttributes.BodySha256,
                _ => ItemAttributes.BodyTruncated,
            };
            extraSet += $", #{placeholder[1..]} = {placeholder}";
        }

        // Drop names the expression does not use: DynamoDB rejects unused placeholders.
        var expression = "SET #status = :status, " + extraSet +
                         ", #first = if_not_exists(#first, :now), #last = :now, #updated = :now" +
                         ", #version = if_not_exists(#version, :zero) + :one ADD #mids :mid";
        var condition = "attribute_not_exists(#pk) OR #status = :status";
        var used = expression + " " + condition;
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = key } },
            UpdateExpression = expression,
            ConditionExpression = condition,
            ExpressionAttributeNames = names.Where(n => used.Contains(n.Key, StringComparison.Ordinal))
                .ToDictionary(n => n.Key, n => n.Value, StringComparer.Ordinal),
            ExpressionAttributeValues = values,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<string, AttributeValue> BodyValues(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var kept = Truncate(body, MaxStoredBodyBytes);
        return new()
        {
            [":body"] = new AttributeValue { S = kept },
            [":bodyBytes"] = RemittanceItemFactory.Number(bytes.Length),
            [":bodySha256"] = new AttributeValue { S = Convert.ToHexStringLower(SHA256.HashData(bytes)) },
            [":bodyTruncated"] = new AttributeValue { BOOL = kept.Length < body.Length },
        };
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
