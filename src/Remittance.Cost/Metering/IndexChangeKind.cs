namespace Remittance.Cost.Metering;

/// <summary>What a table write did to one index entry (DynamoDB developer guide, "Global secondary indexes: writes").</summary>
public enum IndexChangeKind
{
    /// <summary>The item gained the index key: one write of the new entry.</summary>
    Added,

    /// <summary>The item lost the index key (or was deleted): one write to delete the old entry.</summary>
    Removed,

    /// <summary>The index key changed value: a delete of the old entry and a put of the new one, two writes.</summary>
    KeyChanged,

    /// <summary>Same index key, but a projected attribute changed: one write of the new entry.</summary>
    ProjectionUpdated,
}
