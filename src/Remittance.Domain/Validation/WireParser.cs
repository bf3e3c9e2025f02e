namespace Remittance.Domain.Validation;

/// <summary>The shape of the <c>WireNames.TryParse…</c> methods.</summary>
internal delegate bool WireParser<T>(string? text, out T value);
