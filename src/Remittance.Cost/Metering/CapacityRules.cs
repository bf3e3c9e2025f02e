using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Pipeline.Storage;

namespace Remittance.Cost.Metering;

/// <summary>
/// DynamoDB's documented capacity rules, on item sizes computed with <see cref="ItemSize"/>: a write request unit per
/// started 1 KB of the item written (at least one), a read request unit per started 4 KB read (half for an eventually
/// consistent read), and for every index entry a write changes, index write units by the entry's size.
/// </summary>
public static class CapacityRules
{
    public const int WriteUnitBytes = 1024;
    public const int ReadUnitBytes = 4096;

    /// <summary>Per-entry overhead DynamoDB adds to an index entry's size (developer guide, "Storage considerations").</summary>
    public const int IndexEntryOverheadBytes = 100;

    public static int WriteUnits(int itemBytes) => Math.Max(1, (itemBytes + WriteUnitBytes - 1) / WriteUnitBytes);

    public static decimal ReadUnits(int itemBytes, bool consistent) =>
        Math.Max(1, (itemBytes + ReadUnitBytes - 1) / ReadUnitBytes) * (consistent ? 1m : 0.5m);

    /// <summary>
    /// The index entries a write changes, from the item before and after it (null: no item). An item is in a sparse
    /// index only while it has every key attribute of that index; an update that keeps the index key and every
    /// projected attribute costs the index nothing.
    /// </summary>
    public static IReadOnlyList<IndexChange> IndexChanges(
        TableShape table,
        IReadOnlyDictionary<string, AttributeValue>? before,
        IReadOnlyDictionary<string, AttributeValue>? after)
    {
        var changes = new List<IndexChange>();
        foreach (var index in table.Indexes)
        {
            var wasIn = before is not null && index.KeyAttributes.All(before.ContainsKey);
            var isIn = after is not null && index.KeyAttributes.All(after.ContainsKey);
            if (!wasIn && isIn)
            {
                changes.Add(new IndexChange(index.IndexName, IndexChangeKind.Added, WriteUnits(IndexEntryBytes(table, index, after!))));
            }
            else if (wasIn && !isIn)
            {
                changes.Add(new IndexChange(index.IndexName, IndexChangeKind.Removed, WriteUnits(IndexEntryBytes(table, index, before!))));
            }
            else if (wasIn && isIn)
            {
                if (!index.KeyAttributes.All(name => AttributeValues.AreEqual(before![name], after![name])))
                {
                    changes.Add(new IndexChange(index.IndexName, IndexChangeKind.KeyChanged,
                        WriteUnits(IndexEntryBytes(table, index, before!)) + WriteUnits(IndexEntryBytes(table, index, after!))));
                }
                else if (!Projected(table, index, before!).SequenceEqual(Projected(table, index, after!), ProjectedAttributeComparer.Instance))
                {
                    changes.Add(new IndexChange(index.IndexName, IndexChangeKind.ProjectionUpdated, WriteUnits(IndexEntryBytes(table, index, after!))));
                }
            }
        }

        return changes;
    }

    /// <summary>The size of an item's entry in an index: the attributes the index holds plus the per-entry overhead.</summary>
    public static int IndexEntryBytes(TableShape table, IndexShape index, IReadOnlyDictionary<string, AttributeValue> item) =>
        ItemSize.Of(Projected(table, index, item).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)) + IndexEntryOverheadBytes;

    private static IEnumerable<KeyValuePair<string, AttributeValue>> Projected(
        TableShape table,
        IndexShape index,
        IReadOnlyDictionary<string, AttributeValue> item)
    {
        IEnumerable<string> names = index.Projection == ProjectionType.ALL.Value
            ? item.Keys
            : table.KeyAttributes.Concat(index.KeyAttributes)
                .Concat(index.Projection == ProjectionType.INCLUDE.Value ? index.NonKeyAttributes : []);
        return names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Where(item.ContainsKey)
            .Select(name => new KeyValuePair<string, AttributeValue>(name, item[name]));
    }

    private sealed class ProjectedAttributeComparer : IEqualityComparer<KeyValuePair<string, AttributeValue>>
    {
        public static ProjectedAttributeComparer Instance { get; } = new();

        public bool Equals(KeyValuePair<string, AttributeValue> x, KeyValuePair<string, AttributeValue> y) =>
            x.Key == y.Key && AttributeValues.AreEqual(x.Value, y.Value);

        public int GetHashCode(KeyValuePair<string, AttributeValue> obj) => StringComparer.Ordinal.GetHashCode(obj.Key);
    }
}
