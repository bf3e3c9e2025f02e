using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Bench.Support;
using Remittance.Domain;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;
using Remittance.Pipeline.Tracking;

namespace Remittance.Bench.Sweeping;

/// <summary>
/// Puts remittances on the retry index in the shape failure tracking leaves them (TrackingTable.RecordFailureAsync
/// after a first run failed): the ingested item, then status FAILED, the last error with its execution and redrive
/// count, retryJob set, version 2. Written with BatchWriteItem, 25 items a request. With <c>onFailedIndex</c> they go
/// on the failed index instead (failedJob set): a sweep without includeFailed leaves them alone.
/// </summary>
public static class RetryIndexSeeder
{
    public static async Task<IReadOnlyList<string>> SeedAsync(IAmazonDynamoDB dynamoDb, string table, SampleMessages samples, string tag, int count,
        CancellationToken ct, bool onFailedIndex = false, int first = 0)
    {
        var factory = new RemittanceItemFactory(TimeProvider.System);
        var failedAt = Timestamps.Format(DateTimeOffset.UtcNow.AddMinutes(-5));
        var requests = Enumerable.Range(first, count).Select(i =>
        {
            var item = factory.Create(PartnerMessageContract.Instance.Parse(samples.Body(tag, i))).Item;
            var requestId = item[ItemAttributes.RequestId].S;
            var lastError = LastError.ToAttributeValue("InvoiceNotFoundError", "1 of 1 invoices are not in the Invoices table", failedAt);
            lastError.M[LastErrorFields.ExecutionName] = new AttributeValue { S = item[ItemAttributes.ExecutionName].S };
            lastError.M[LastErrorFields.RedriveCount] = new AttributeValue { N = "0" };
            item[ItemAttributes.Status] = new AttributeValue { S = RemittanceStatus.Failed.ToWire() };
            item[ItemAttributes.LastError] = lastError;
            item[onFailedIndex ? ItemAttributes.FailedJob : ItemAttributes.RetryJob] = new AttributeValue { S = requestId };
            item[ItemAttributes.VersionId] = new AttributeValue { N = 2.ToString(CultureInfo.InvariantCulture) };
            item[ItemAttributes.UpdatedAt] = new AttributeValue { S = failedAt };
            return new WriteRequest(new PutRequest(item));
        }).Chunk(25).ToList();

        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (chunk, token) =>
        {
            var pending = new Dictionary<string, List<WriteRequest>> { [table] = [.. chunk] };
            while (pending.Values.Sum(v => v.Count) > 0)
            {
                pending = (await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, token)).UnprocessedItems ?? [];
            }
        });
        return [.. Enumerable.Range(first, count).Select(i => SampleMessages.RequestId(tag, i))];
    }

    /// <summary>
    /// The request IDs on a sparse index in about the order the sweeper meets them: a parallel scan of
    /// <paramref name="segments"/> segments, taken round-robin across the segments.
    /// </summary>
    public static async Task<IReadOnlyList<string>> IdsOnIndexAsync(IAmazonDynamoDB dynamoDb, string table, SparseIndex index, int segments, CancellationToken ct)
    {
        var perSegment = new List<List<string>>();
        for (var segment = 0; segment < segments; segment++)
        {
            var ids = new List<string>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await dynamoDb.ScanAsync(new ScanRequest
                {
                    TableName = table, IndexName = index.IndexName, Segment = segment, TotalSegments = segments, ExclusiveStartKey = start,
                }, ct);
                ids.AddRange(page.Items.Select(item => item[ItemAttributes.RequestId].S));
                start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (start is not null);
            perSegment.Add(ids);
        }

        return [.. Enumerable.Range(0, perSegment.Max(s => s.Count))
            .SelectMany(i => perSegment.Where(s => i < s.Count).Select(s => s[i]))];
    }

    public static async Task<int> CountOnIndexAsync(IAmazonDynamoDB dynamoDb, string table, SparseIndex index, CancellationToken ct)
    {
        var count = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, IndexName = index.IndexName, Select = Select.COUNT, ExclusiveStartKey = start }, ct);
            count += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return count;
    }
}
