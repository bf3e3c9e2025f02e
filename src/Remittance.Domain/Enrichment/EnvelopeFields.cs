namespace Remittance.Domain.Enrichment;

/// <summary>The property names of the enriched envelope, shared by the writer, the parser and the tests.</summary>
public static class EnvelopeFields
{
    public const string EventId = "eventId";
    public const string EventType = "eventType";
    public const string EventVersion = "eventVersion";
    public const string OccurredAt = "occurredAt";
    public const string Data = "data";

    public const string RequestId = PartnerMessageFields.RequestId;
    public const string PartnerId = PartnerMessageFields.PartnerId;
    public const string PartnerReference = PartnerMessageFields.PartnerReference;
    public const string Outcome = PartnerMessageFields.Outcome;
    public const string Purpose = "purpose";
    public const string SettledAt = PartnerMessageFields.SettledAt;
    public const string Amount = PartnerMessageFields.Amount;
    public const string Currency = PartnerMessageFields.Currency;
    public const string PaymentMethod = PartnerMessageFields.PaymentMethod;
    public const string PaymentDescription = "paymentDescription";
    public const string Payee = PartnerMessageFields.Payee;
    public const string Invoices = "invoices";

    public const string InvoiceId = "invoiceId";
    public const string Description = "description";
    public const string IssuedAt = "issuedAt";
    public const string PurchaseOrder = "purchaseOrder";
}
