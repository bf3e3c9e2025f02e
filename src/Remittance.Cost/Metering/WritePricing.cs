using Amazon.DynamoDBv2.Model;
using Remittance.Pipeline.Storage;

namespace Remittance.Cost.Metering;

/// <summary>
/// Prices one item write from the item before it and the write itself: the same function prices what the code did
/// (live, at the HTTP boundary) and what another design would have done with the same items (replayed).
/// </summary>
public static class WritePricing
{
    private static readonly Dictionary<string, string> s_noNames = [];
    private static readonly Dictionary<string, AttributeValue> s_noValues = [];

    /// <param name="applied">False when DynamoDB refused the write (its condition failed): still charged, nothing changes.</param>
    /// <returns>The charge, and the item after the write (null: no item).</returns>
    public static (ItemWrite Charge, Dictionary<string, AttributeValue>? After) Price(
        TableShape shape,
        IReadOnlyDictionary<string, AttributeValue>? before,
        TableWrite write,
        bool applied)
    {
        var attempted = write.Kind switch
        {
            WriteKind.Put => AttributeValues.Copy(write.Item ?? throw new ArgumentException("A put needs the item.", nameof(write))),
            WriteKind.Update => UpdateExpression.Apply(before, write.Key,
                write.UpdateExpression ?? throw new ArgumentException("An update needs its expression.", nameof(write)),
                write.Names ?? s_noNames, write.Values ?? s_noValues),
            WriteKind.Delete => null,
            _ => before is null ? null : AttributeValues.Copy(before),
        };
        var beforeBytes = before is null ? 0 : ItemSize.Of(before);
        var attemptedBytes = attempted is null ? 0 : ItemSize.Of(attempted);
        var units = CapacityRules.WriteUnits(Math.Max(beforeBytes, attemptedBytes)) * (write.Transactional ? 2 : 1);
        var changes = applied && write.Kind != WriteKind.ConditionCheck ? CapacityRules.IndexChanges(shape, before, attempted) : [];
        var after = applied && write.Kind != WriteKind.ConditionCheck ? attempted : before is null ? null : AttributeValues.Copy(before);
        var charge = new ItemWrite(write, AttributeValues.KeyText(shape.KeyAttributes, write.Key), applied, beforeBytes,
            after is null ? 0 : ItemSize.Of(after), units, changes);
        return (charge, after);
    }
}
