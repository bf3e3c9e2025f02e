using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Cost.Metering;
using Remittance.DynamoDbLocal;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.Faults;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;

namespace Remittance.IntegrationTests.Cost;

/// <summary>
/// The metering handler on a real DynamoDB client against DynamoDB Local: a known sequence of writes priced exactly by
/// the documented rules (1 KB boundaries, larger of before and after, failed conditions charged, index entries added
/// and removed), and the meter's idea of the item matching the item DynamoDB holds.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbMeterTests(DynamoDbLocalFixture fixture)
{
    private const string Key = "k1";

    private async Task<Metered> MeteredTableAsync(string testName)
    {
        var table = fixture.NewTablePrefix(testName) + "remittances";
        await TableSetup.EnsureTableAsync(fixture.Client, table, CancellationToken.None);
        var ledger = new CostLedger();
        var meter = new DynamoDbMeter(ledger);
        meter.Register(TableShape.From(RemittanceTableSchema.CreateTableRequest(table)));
        var config = DynamoDbLocalClients.CreateConfig(fixture.ServiceUrl);
        config.HttpClientFactory = new HandlerHttpClientFactory(new MeteringDynamoDbHandler(meter, ledger));
        return new Metered(new AmazonDynamoDBClient(DynamoDbLocalClients.Credentials, config), ledger, meter, table);
    }

    [Fact]
    public async Task Meter_PricesAPutAndUpdateSequenceByTheDocumentedRules()
    {
        using var t = await MeteredTableAsync(nameof(Meter_PricesAPutAndUpdateSequenceByTheDocumentedRules));

        // 9 + 2 ("requestId" = "k1") + 3 + 1010 ("pad") = exactly 1024 bytes: one unit.
        await t.Client.PutItemAsync(new PutItemRequest { TableName = t.Table, Item = PaddedItem(1010) });
        // + "retryJob" = "k1" (10 bytes) = 1034: two units, and the item enters retry-index.
        await t.UpdateAsync("SET #retry = :rid", ("#retry", "retryJob"));
        // retryJob → runningJob (1036 bytes): two units; one entry leaves retry-index, one enters running-index.
        await t.UpdateAsync("SET #running = :rid REMOVE #retry", ("#running", "runningJob"), ("#retry", "retryJob"));
        // Shrinks to 514 bytes: charged by the larger item before it (1036: two units); the running entry goes.
        await t.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = t.Table,
            Key = KeyOf(Key),
            UpdateExpression = "SET #pad = :pad REMOVE #running",
            ExpressionAttributeNames = new() { ["#pad"] = "pad", ["#running"] = "runningJob" },
            ExpressionAttributeValues = new() { [":pad"] = new AttributeValue { S = new string('x', 500) } },
            ReturnValues = ReturnValue.ALL_NEW,
        });
        // A failed condition is still charged, by the item it would have written (514 + 3 + 2000 = 2517 bytes: three units).
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => t.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = t.Table,
            Key = KeyOf(Key),
            UpdateExpression = "SET #big = :big",
            ConditionExpression = "attribute_not_exists(requestId)",
            ExpressionAttributeNames = new() { ["#big"] = "big" },
            ExpressionAttributeValues = new() { [":big"] = new AttributeValue { S = new string('y', 2000) } },
        }));
        // A refused insert of a 15-byte item over the 514-byte one: one unit, nothing changes.
        await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => t.Client.PutItemAsync(new PutItemRequest
        {
            TableName = t.Table,
            Item = new() { ["requestId"] = new AttributeValue { S = Key }, ["pad"] = new AttributeValue { S = "z" } },
            ConditionExpression = "attribute_not_exists(requestId)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));

        var writes = t.Ledger.DynamoDbCalls.Select(c => (c.Operation, c.Succeeded, c.WriteUnits, c.IndexWriteUnits,
            Changes: string.Join(",", c.Writes.SelectMany(w => w.IndexChanges).Select(i => $"{i.Kind}:{i.IndexName}").Order()))).ToList();
        Assert.Equal(
        [
            ("PutItem", true, 1, 0, ""),
            ("UpdateItem", true, 2, 1, "Added:retry-index"),
            ("UpdateItem", true, 2, 2, "Added:running-index,Removed:retry-index"),
            ("UpdateItem", true, 2, 1, "Removed:running-index"),
            ("UpdateItem", false, 3, 0, ""),
            ("PutItem", false, 1, 0, ""),
        ], writes);
        Assert.Equal("ConditionalCheckFailedException", t.Ledger.DynamoDbCalls[^1].Error);
        Assert.Equal(514, await t.StoredSizeAsync(Key));
        Assert.Equal(514, ItemSize.Of(t.Meter.Item(t.Table, KeyOf(Key))!));
    }

    [Fact]
    public async Task Meter_ChargesAKilobyteBoundaryOnTheLargerOfBeforeAndAfter()
    {
        using var t = await MeteredTableAsync(nameof(Meter_ChargesAKilobyteBoundaryOnTheLargerOfBeforeAndAfter));

        await t.Client.PutItemAsync(new PutItemRequest { TableName = t.Table, Item = PaddedItem(1011) });
        await t.Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = t.Table,
            Key = KeyOf(Key),
            UpdateExpression = "SET #pad = :pad",
            ExpressionAttributeNames = new() { ["#pad"] = "pad" },
            ExpressionAttributeValues = new() { [":pad"] = new AttributeValue { S = "short" } },
        });
        await t.Client.DeleteItemAsync(new DeleteItemRequest { TableName = t.Table, Key = KeyOf(Key) });

        // 1025 bytes: two units; shrinking it still costs two (the item before); deleting the 19-byte item costs one.
        Assert.Equal([2, 2, 1], t.Ledger.DynamoDbCalls.Select(c => c.WriteUnits));
        Assert.Null(t.Meter.Item(t.Table, KeyOf(Key)));
    }

    [Fact]
    public async Task Meter_PricesReadsByConsistencyAndTransactionsDouble()
    {
        using var t = await MeteredTableAsync(nameof(Meter_PricesReadsByConsistencyAndTransactionsDouble));

        await t.Client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = t.Table, Item = PaddedItem(1010) } },
                new TransactWriteItem
                {
                    Put = new Put
                    {
                        TableName = t.Table,
                        Item = new() { ["requestId"] = new AttributeValue { S = "k2" }, ["failedJob"] = new AttributeValue { S = "k2" } },
                    },
                },
            ],
        });
        await t.Client.GetItemAsync(new GetItemRequest { TableName = t.Table, Key = KeyOf(Key), ConsistentRead = true });
        await t.Client.GetItemAsync(new GetItemRequest { TableName = t.Table, Key = KeyOf("missing"), ConsistentRead = false });
        await t.Client.ScanAsync(new ScanRequest { TableName = t.Table, IndexName = "retry-index" });
        await t.Client.ScanAsync(new ScanRequest { TableName = t.Table, IndexName = "failed-index", Select = Select.COUNT });

        var calls = t.Ledger.DynamoDbCalls;
        // Each item of a transaction is written twice (prepare, commit); its index entry once.
        Assert.Equal((4, 1), (calls[0].WriteUnits, calls[0].IndexWriteUnits));
        Assert.Equal([0m, 1m, 0.5m, 0.5m, 0.5m], calls.Select(c => c.ReadUnits));
        Assert.DoesNotContain(calls, c => c.Unpriced);
    }

    [Fact]
    public async Task Meter_FlagsAnOperationItHasNoRuleFor()
    {
        using var t = await MeteredTableAsync(nameof(Meter_FlagsAnOperationItHasNoRuleFor));

        await t.Client.ExecuteStatementAsync(new ExecuteStatementRequest { Statement = $"SELECT * FROM \"{t.Table}\"" });

        var call = Assert.Single(t.Ledger.DynamoDbCalls);
        Assert.True(call.Unpriced);
        Assert.Contains("ExecuteStatement", call.UnpricedReason, StringComparison.Ordinal);
    }

    private static Dictionary<string, AttributeValue> PaddedItem(int padding) =>
        new() { ["requestId"] = new AttributeValue { S = Key }, ["pad"] = new AttributeValue { S = new string('x', padding) } };

    private static Dictionary<string, AttributeValue> KeyOf(string key) => new() { ["requestId"] = new AttributeValue { S = key } };

    private sealed record Metered(AmazonDynamoDBClient Client, CostLedger Ledger, DynamoDbMeter Meter, string Table) : IDisposable
    {
        public Task UpdateAsync(string expression, params (string Placeholder, string Name)[] names) => Client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table,
            Key = KeyOf(Key),
            UpdateExpression = expression,
            ExpressionAttributeNames = names.ToDictionary(n => n.Placeholder, n => n.Name),
            ExpressionAttributeValues = new() { [":rid"] = new AttributeValue { S = Key } },
        });

        public async Task<int> StoredSizeAsync(string key)
        {
            var response = await Client.GetItemAsync(new GetItemRequest { TableName = Table, Key = KeyOf(key), ConsistentRead = true });
            return ItemSize.Of(response.Item);
        }

        public void Dispose() => Client.Dispose();
    }
}
