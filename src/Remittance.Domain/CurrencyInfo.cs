namespace Remittance.Domain;

/// <summary>One ISO 4217 currency.</summary>
/// <param name="Code">The alphabetic code, e.g. <c>JPY</c>.</param>
/// <param name="NumericCode">The numeric code, e.g. 392.</param>
/// <param name="MinorUnits">Decimal places of the minor unit, e.g. 0 for JPY, 2 for USD, 3 for KWD.</param>
/// <param name="Name">The ISO 4217 name, e.g. <c>Yen</c>.</param>
public sealed record CurrencyInfo(string Code, int NumericCode, int MinorUnits, string Name);
