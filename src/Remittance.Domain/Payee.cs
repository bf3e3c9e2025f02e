namespace Remittance.Domain;

/// <param name="Id">The partner's identifier for the payee, never a name or an account number.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code, upper case.</param>
/// <param name="Locale">A BCP 47 language tag as sent, e.g. <c>pt-BR</c>; null when absent.</param>
public sealed record Payee(string Id, PayeeType Type, string Country, string? Locale);
