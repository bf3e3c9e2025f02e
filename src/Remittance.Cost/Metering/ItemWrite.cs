namespace Remittance.Cost.Metering;

/// <summary>
/// What one item write cost: table write units by the larger of the item before and after (also when a condition
/// failed: DynamoDB still charges it), doubled in a transaction, and the index entries it changed.
/// </summary>
public sealed record ItemWrite(
    TableWrite Request,
    string Key,
    bool Applied,
    int BytesBefore,
    int BytesAfter,
    int WriteUnits,
    IReadOnlyList<IndexChange> IndexChanges)
{
    public int IndexWriteUnits => IndexChanges.Sum(c => c.WriteUnits);
}
