using Amazon.DynamoDBv2.Model;
using Remittance.Cost.Metering;
using Remittance.Pipeline.Schema;

namespace Remittance.Cost.Tests;

/// <summary>DynamoDB's capacity rules as the meter applies them, against hand-computed numbers.</summary>
public sealed class CapacityRulesTests
{
    private static readonly TableShape s_table = TableShape.From(RemittanceTableSchema.CreateTableRequest("t"));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(1024, 1)]
    [InlineData(1025, 2)]
    [InlineData(2048, 2)]
    [InlineData(2049, 3)]
    [InlineData(400 * 1024, 400)]
    public void WriteUnits_AreOnePerStartedKilobyteAndAtLeastOne(int bytes, int units) =>
        Assert.Equal(units, CapacityRules.WriteUnits(bytes));

    [Theory]
    [InlineData(0, true, 1)]
    [InlineData(4096, true, 1)]
    [InlineData(4097, true, 2)]
    [InlineData(0, false, 0.5)]
    [InlineData(4097, false, 1)]
    [InlineData(12 * 1024, false, 1.5)]
    public void ReadUnits_AreOnePerStartedFourKilobytesAndHalfWhenEventuallyConsistent(int bytes, bool consistent, double units) =>
        Assert.Equal((decimal)units, CapacityRules.ReadUnits(bytes, consistent));

    [Fact]
    public void IndexEntry_OfAKeysOnlyIndex_IsTheTableKeyAndTheIndexKeyPlusTheOverhead()
    {
        var item = Item(("requestId", "abc"), ("retryJob", "abc"), ("message", new string('x', 5000)));

        // "requestId" (9) + "abc" (3) + "retryJob" (8) + "abc" (3) + 100 bytes of overhead; the message is not projected.
        Assert.Equal(123, CapacityRules.IndexEntryBytes(s_table, s_table.Indexes.Single(i => i.IndexName == "retry-index"), item));
    }

    [Fact]
    public void IndexChanges_WhenAnItemGainsASparseKey_AreOneAddedEntry()
    {
        var changes = CapacityRules.IndexChanges(s_table, Item(("requestId", "a")), Item(("requestId", "a"), ("retryJob", "a")));

        var change = Assert.Single(changes);
        Assert.Equal(("retry-index", IndexChangeKind.Added, 1), (change.IndexName, change.Kind, change.WriteUnits));
    }

    [Fact]
    public void IndexChanges_WhenAClaimMovesAnItemFromRetryToRunning_AreOneRemovedAndOneAdded()
    {
        var changes = CapacityRules.IndexChanges(s_table, Item(("requestId", "a"), ("retryJob", "a")), Item(("requestId", "a"), ("runningJob", "a")));

        Assert.Equal(
            [("retry-index", IndexChangeKind.Removed, 1), ("running-index", IndexChangeKind.Added, 1)],
            changes.Select(c => (c.IndexName, c.Kind, c.WriteUnits)).OrderBy(c => c.IndexName));
    }

    [Fact]
    public void IndexChanges_WhenTheIndexKeyChangesValue_AreADeleteAndAPut()
    {
        var change = Assert.Single(CapacityRules.IndexChanges(s_table, Item(("requestId", "a"), ("failedJob", "a")), Item(("requestId", "a"), ("failedJob", "b"))));

        Assert.Equal((IndexChangeKind.KeyChanged, 2), (change.Kind, change.WriteUnits));
    }

    [Fact]
    public void IndexChanges_WhenNoIndexKeyChanges_AreNone()
    {
        Assert.Empty(CapacityRules.IndexChanges(s_table, Item(("requestId", "a"), ("status", "RECEIVED")), Item(("requestId", "a"), ("status", "ENRICHED"))));
        Assert.Empty(CapacityRules.IndexChanges(s_table,
            Item(("requestId", "a"), ("retryJob", "a"), ("status", "FAILED")), Item(("requestId", "a"), ("retryJob", "a"), ("status", "x"))));
    }

    [Fact]
    public void IndexChanges_WhenAnItemWithASparseKeyIsDeleted_AreOneRemovedEntry() =>
        Assert.Equal(IndexChangeKind.Removed, Assert.Single(CapacityRules.IndexChanges(s_table, Item(("requestId", "a"), ("runningJob", "a")), null)).Kind);

    internal static Dictionary<string, AttributeValue> Item(params (string Name, string Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => new AttributeValue { S = a.Value }, StringComparer.Ordinal);
}
