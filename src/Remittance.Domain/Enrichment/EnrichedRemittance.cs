namespace Remittance.Domain.Enrichment;

/// <summary>
/// A remittance after enrichment: the validated partner message plus what the invoice lookups found. This is the
/// <c>data</c> of a <see cref="RemittanceEnvelope"/>, the wire format between the enrichment and notification services.
/// </summary>
/// <param name="Purpose">What the notification is for: see <see cref="RemittancePurposes.For"/>.</param>
/// <param name="PaymentDescription">One line for people, composed by enrichment, e.g. "Payment for 2 invoices".</param>
/// <param name="Invoices">One per invoice ID of the partner message, in the partner's order.</param>
public sealed record EnrichedRemittance(
    string RequestId,
    string PartnerId,
    string PartnerReference,
    PaymentOutcome Outcome,
    DateTimeOffset SettledAt,
    decimal Amount,
    CurrencyInfo Currency,
    PaymentMethod PaymentMethod,
    Payee Payee,
    string Purpose,
    string PaymentDescription,
    IReadOnlyList<EnrichedInvoice> Invoices)
{
    /// <summary>Builds the enriched form of <paramref name="message"/>, deriving <see cref="Purpose"/> from its outcome.</summary>
    public static EnrichedRemittance From(PartnerMessage message, IReadOnlyList<EnrichedInvoice> invoices, string paymentDescription)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(invoices);
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentDescription);
        return new EnrichedRemittance(message.RequestId, message.PartnerId, message.PartnerReference, message.Outcome,
            message.SettledAt, message.Amount, message.Currency, message.PaymentMethod, message.Payee,
            RemittancePurposes.For(message.Outcome), paymentDescription, invoices);
    }
}
