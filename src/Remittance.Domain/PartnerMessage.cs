namespace Remittance.Domain;

/// <summary>A validated payment confirmation from a banking partner. Unknown fields stay in the parsed document.</summary>
/// <param name="Amount">Exact, with the scale the partner sent (e.g. <c>10.50m</c>), never more decimals than the currency has.</param>
/// <param name="InvoiceIds">One or more, distinct, in the partner's order.</param>
public sealed record PartnerMessage(
    string SchemaVersion,
    string RequestId,
    string PartnerId,
    string PartnerReference,
    PaymentOutcome Outcome,
    DateTimeOffset SettledAt,
    decimal Amount,
    CurrencyInfo Currency,
    PaymentMethod PaymentMethod,
    Payee Payee,
    IReadOnlyList<string> InvoiceIds);
