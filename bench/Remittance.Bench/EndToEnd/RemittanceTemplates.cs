using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Domain;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Definition;

namespace Remittance.Bench.EndToEnd;

/// <summary>
/// What the pipeline really wrote for each sample template in the warm-up run: the notification service's item as
/// ingested (the enriched envelope) and both success results. The bound replays these exact shapes and sizes.
/// </summary>
public sealed class RemittanceTemplates
{
    private readonly Dictionary<int, (Dictionary<string, AttributeValue> NotificationItem, string Enriched, string Notification)> _byTemplate = [];

    public static RecordSuccessState EnrichedState { get; } = WorkflowCatalog.Enrichment.Tasks.OfType<RecordSuccessState>().Single();

    public static RecordSuccessState NotifiedState { get; } = WorkflowCatalog.Notification.Tasks.OfType<RecordSuccessState>().Single();

    public static async Task<RemittanceTemplates> ReadAsync(IAmazonDynamoDB dynamoDb, string enrichmentTable, string notificationTable,
        string tag, int templateCount, CancellationToken ct)
    {
        var templates = new RemittanceTemplates();
        var enriched = await ScanAsync(dynamoDb, enrichmentTable, ct);
        foreach (var item in (await ScanAsync(dynamoDb, notificationTable, ct)).Values)
        {
            var requestId = item[ItemAttributes.RequestId].S;
            var prefix = $"bench-{tag}-";
            if (!requestId.StartsWith(prefix, StringComparison.Ordinal) || !enriched.TryGetValue(requestId, out var source))
            {
                continue;
            }

            var template = int.Parse(requestId[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) % templateCount;
            var notification = item[NotifiedState.ResultAttribute].S;
            var asIngested = new Dictionary<string, AttributeValue>(item, StringComparer.Ordinal);
            asIngested.Remove(NotifiedState.ResultAttribute);
            asIngested[ItemAttributes.Status] = new AttributeValue { S = RemittanceStatus.Received.ToWire() };
            asIngested[ItemAttributes.VersionId] = new AttributeValue { N = "1" };
            templates._byTemplate.TryAdd(template, (asIngested, source[EnrichedState.ResultAttribute].S, notification));
        }

        if (templates._byTemplate.Count != templateCount)
        {
            throw new InvalidOperationException($"The warm-up run notified {templates._byTemplate.Count} of {templateCount} sample templates.");
        }

        return templates;
    }

    /// <summary>The notification item for <paramref name="requestId"/>, as the notification ingest writes it.</summary>
    public Dictionary<string, AttributeValue> NotificationItem(int template, string requestId)
    {
        var item = new Dictionary<string, AttributeValue>(_byTemplate[template].NotificationItem, StringComparer.Ordinal)
        {
            [ItemAttributes.RequestId] = new AttributeValue { S = requestId },
            [ItemAttributes.ExecutionName] = new AttributeValue { S = ExecutionName.For(requestId, 1) },
        };
        return item;
    }

    public string EnrichedResult(int template) => _byTemplate[template].Enriched;

    public string NotificationResult(int template) => _byTemplate[template].Notification;

    private static async Task<Dictionary<string, Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB dynamoDb, string table, CancellationToken ct)
    {
        var items = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start }, ct);
            foreach (var item in page.Items ?? [])
            {
                items[item[ItemAttributes.RequestId].S] = item;
            }

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items;
    }
}
