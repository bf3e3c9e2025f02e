namespace Remittance.Domain.Enrichment;

/// <summary>One invoice a payment settles, as the invoice lookup returned it.</summary>
/// <param name="Amount">Exact, in <paramref name="Currency"/>, never more decimals than its ISO 4217 minor unit.</param>
/// <param name="Currency">ISO 4217 code; usually, but not necessarily, the payment's currency.</param>
/// <param name="IssuedAt">A calendar date (ISO 8601 <c>yyyy-MM-dd</c> on the wire): an invoice date has no time zone.</param>
/// <param name="PurchaseOrder">The payee's purchase order number, when the invoice quotes one.</param>
public sealed record EnrichedInvoice(
    string InvoiceId,
    string Description,
    decimal Amount,
    string Currency,
    DateOnly IssuedAt,
    string? PurchaseOrder = null);
