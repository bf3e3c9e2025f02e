namespace Remittance.Cost.Metering;

/// <summary>A global secondary index: its key attributes and what it projects (KEYS_ONLY, INCLUDE or ALL).</summary>
public sealed record IndexShape(string IndexName, IReadOnlyList<string> KeyAttributes, string Projection, IReadOnlyList<string> NonKeyAttributes);
