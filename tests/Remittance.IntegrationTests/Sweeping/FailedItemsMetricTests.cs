using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Tracking;

namespace Remittance.IntegrationTests.Sweeping;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class FailedItemsMetricTests(DynamoDbLocalFixture fixture)
{
    [Fact]
    public async Task Publish_CountsOnlyFailedIndexItemsAndWritesAnEmbeddedMetricLine()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Publish_CountsOnlyFailedIndexItemsAndWritesAnEmbeddedMetricLine));
        foreach (var (id, attribute) in new[] { ("f-1", ItemAttributes.FailedJob), ("f-2", ItemAttributes.FailedJob), ("r-1", ItemAttributes.RetryJob), ("ok", null) })
        {
            var item = new Dictionary<string, AttributeValue> { [ItemAttributes.RequestId] = new() { S = id } };
            if (attribute is not null)
            {
                item[attribute] = new AttributeValue { S = id };
            }

            await harness.DynamoDb.PutItemAsync(new PutItemRequest { TableName = harness.TableName, Item = item });
        }

        using var output = new StringWriter();
        var metric = new FailedItemsMetric(new TrackingTable(harness.DynamoDb, harness.TableName, TimeProvider.System), "notification",
            TimeProvider.System, output);

        var failed = await metric.PublishAsync(CancellationToken.None);

        Assert.Equal(2, failed);
        var line = JsonNode.Parse(output.ToString())!;
        Assert.Equal(2, (int)line[SweeperMetrics.FailedItems]!);
        Assert.Equal("notification", (string?)line[SweeperMetrics.ServiceDimension]);
        var definition = line["_aws"]!["CloudWatchMetrics"]![0]!;
        Assert.Equal(SweeperMetrics.Namespace, (string?)definition["Namespace"]);
        Assert.Equal(SweeperMetrics.ServiceDimension, (string?)definition["Dimensions"]![0]![0]);
        Assert.Equal(SweeperMetrics.FailedItems, (string?)definition["Metrics"]![0]!["Name"]);
    }
}
