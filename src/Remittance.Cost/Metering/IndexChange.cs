namespace Remittance.Cost.Metering;

/// <summary>One index entry a table write changed, and the write request units that cost on the index.</summary>
public sealed record IndexChange(string IndexName, IndexChangeKind Kind, int WriteUnits);
