using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Bench.Support;
using Remittance.Domain;
using Remittance.Local.Input;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;
using Remittance.Workflows.Definition;

namespace Remittance.Bench.EndToEnd;

/// <summary>
/// DynamoDB Local's raw rate for the pipeline's item operations: the bare SDK sending, per remittance, the item
/// operations the pipeline sends (<see cref="Mix"/>; checked against the counting proxy's marginal count), with the
/// real item shapes, <see cref="Concurrency"/> remittances in flight. The bound in remittances/s is this raw rate
/// divided by the item operations the pipeline really makes per remittance.
/// </summary>
public sealed class DynamoDbBound(IAmazonDynamoDB dynamoDb, string invoicesPath, SampleMessages samples, RemittanceTemplates templates)
{
    public const int Concurrency = 10;

    /// <summary>
    /// Per remittance: enrichment ingest PutItem, enrich BatchGetItem (Invoices), RecordEnriched UpdateItem,
    /// notification ingest PutItem, RecordNotified UpdateItem.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Mix { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["PutItem"] = 2,
        ["BatchGetItem"] = 1,
        ["UpdateItem"] = 2,
    };

    public static int OperationsPerRemittance => Mix.Values.Sum();

    private readonly RemittanceItemFactory _factory = new(TimeProvider.System);

    /// <summary>One timed trial: <paramref name="count"/> remittances' item operations; the trial's items are operations.</summary>
    public async Task<Trial> RunAsync(string tag, int count, CancellationToken ct)
    {
        var enrichment = $"bench-bound-{tag}";
        var notification = enrichment + "-notifications";
        var invoices = enrichment + "-invoices";
        await TableSetup.EnsureTableAsync(dynamoDb, enrichment, ct);
        await TableSetup.EnsureTableAsync(dynamoDb, notification, ct);
        await InvoiceSeeder.SeedAsync(dynamoDb, invoices, invoicesPath, ct);

        var work = Enumerable.Range(0, count).Select(i => Prepare(tag, i, enrichment, notification, invoices)).ToList();
        var start = CpuClock.Now();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = ct }, async (w, token) =>
        {
            await dynamoDb.PutItemAsync(w.Ingest, token);
            var invoicesFound = await dynamoDb.BatchGetItemAsync(w.Enrich, token);
            if (invoicesFound.UnprocessedKeys is { Count: > 0 })
            {
                throw new InvalidOperationException("DynamoDB Local left invoice keys unprocessed; the bound would undercount.");
            }

            await dynamoDb.UpdateItemAsync(w.Enriched, token);
            await dynamoDb.PutItemAsync(w.NotificationIngest, token);
            await dynamoDb.UpdateItemAsync(w.Notified, token);
        });
        return Trial.From(start, CpuClock.Now(), count * OperationsPerRemittance);
    }

    private Work Prepare(string tag, int index, string enrichment, string notification, string invoices)
    {
        var requestId = SampleMessages.RequestId(tag, index);
        var template = index % samples.TemplateCount;
        var parsed = PartnerMessageContract.Instance.Parse(samples.Body(tag, index));
        var remittance = _factory.Create(parsed);
        var invoiceIds = ((JsonArray)parsed.Document!["invoiceIds"]!).Select(id => (string)id!).Distinct(StringComparer.Ordinal);
        return new Work(
            new PutItemRequest
            {
                TableName = enrichment,
                Item = remittance.Item,
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = ItemAttributes.RequestId },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
            new BatchGetItemRequest
            {
                RequestItems = new()
                {
                    [invoices] = new KeysAndAttributes
                    {
                        Keys = [.. invoiceIds.Select(id => new Dictionary<string, AttributeValue> { [InvoicesTableSchema.InvoiceId] = new() { S = id } })],
                        ConsistentRead = false,
                    },
                },
            },
            Success(enrichment, requestId, RemittanceTemplates.EnrichedState, templates.EnrichedResult(template)),
            new PutItemRequest
            {
                TableName = notification,
                Item = templates.NotificationItem(template, requestId),
                ConditionExpression = "attribute_not_exists(#pk)",
                ExpressionAttributeNames = new() { ["#pk"] = ItemAttributes.RequestId },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
            Success(notification, requestId, RemittanceTemplates.NotifiedState, templates.NotificationResult(template)));
    }

    /// <summary>The success record exactly as the workflow's RecordSuccess state writes it.</summary>
    private static UpdateItemRequest Success(string table, string requestId, RecordSuccessState state, string result) => new()
    {
        TableName = table,
        Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = requestId } },
        UpdateExpression = SuccessUpdate.UpdateExpression,
        ConditionExpression = SuccessUpdate.ConditionExpression,
        ExpressionAttributeNames = new(SuccessUpdate.Names(state.ResultAttribute)),
        ExpressionAttributeValues = new()
        {
            [":status"] = new AttributeValue { S = state.SuccessStatus },
            [":result"] = new AttributeValue { S = result },
            [":now"] = new AttributeValue { S = Timestamps.Format(DateTimeOffset.UtcNow) },
            [":one"] = new AttributeValue { N = "1" },
            [":executionName"] = new AttributeValue { S = ExecutionName.For(requestId, 1) },
        },
    };

    private sealed record Work(
        PutItemRequest Ingest,
        BatchGetItemRequest Enrich,
        UpdateItemRequest Enriched,
        PutItemRequest NotificationIngest,
        UpdateItemRequest Notified);
}
