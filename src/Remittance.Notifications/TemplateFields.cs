namespace Remittance.Notifications;

/// <summary>
/// The placeholders a template may use: the whole model, documented in <c>samples/notifications/README.md</c>.
/// Amounts and dates come formatted for the notification's locale; everything is text.
/// </summary>
public static class TemplateFields
{
    public const string RequestId = "requestId";
    public const string PartnerId = "partnerId";
    public const string PartnerReference = "partnerReference";

    /// <summary><c>SETTLED</c>, <c>RETURNED</c> or <c>REJECTED</c>.</summary>
    public const string Outcome = "outcome";

    /// <summary><c>REMITTANCE_ADVICE</c> or <c>RETURNED_PAYMENT</c>.</summary>
    public const string Purpose = "purpose";

    /// <summary><c>ACH</c>, <c>WIRE</c>, <c>SEPA</c>, <c>SWIFT</c>, <c>RTP</c> or <c>CHECK</c>.</summary>
    public const string PaymentMethod = "paymentMethod";

    public const string PaymentDescription = "paymentDescription";

    /// <summary>Formatted for the locale with the currency symbol, e.g. <c>1.250,00 €</c>.</summary>
    public const string Amount = "amount";

    /// <summary>Plain, as on the envelope, e.g. <c>1250.00</c>.</summary>
    public const string AmountValue = "amountValue";

    /// <summary>The ISO 4217 code, e.g. <c>EUR</c>.</summary>
    public const string Currency = "currency";

    /// <summary>The settlement date in the bank's own offset, formatted for the locale, e.g. <c>21.11.2026</c>.</summary>
    public const string SettledOn = "settledOn";

    public const string InvoiceCount = "invoiceCount";

    /// <summary>The locale the notification is written for, e.g. <c>fr-CA</c>.</summary>
    public const string Locale = "locale";

    /// <summary>An object: <c>payee.id</c>, <c>payee.type</c>, <c>payee.country</c>, <c>payee.locale</c> (empty when none).</summary>
    public const string Payee = "payee";

    public const string PayeeId = "id";
    public const string PayeeType = "type";
    public const string PayeeCountry = "country";
    public const string PayeeLocale = "locale";

    /// <summary>A list; each item has invoiceId, description, amount, amountValue, currency, issuedOn, purchaseOrder.</summary>
    public const string Invoices = "invoices";

    public const string InvoiceId = "invoiceId";
    public const string Description = "description";

    /// <summary>The invoice date formatted for the locale.</summary>
    public const string IssuedOn = "issuedOn";

    /// <summary>Empty when the invoice has none: test it with <c>{{#if purchaseOrder}}</c>.</summary>
    public const string PurchaseOrder = "purchaseOrder";
}
