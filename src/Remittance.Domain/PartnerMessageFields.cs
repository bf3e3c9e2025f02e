namespace Remittance.Domain;

/// <summary>The property names of the partner message contract, shared by the parser, the JSON Schema test and docs.</summary>
public static class PartnerMessageFields
{
    public const string SchemaVersion = "schemaVersion";
    public const string RequestId = "requestId";
    public const string PartnerId = "partnerId";
    public const string PartnerReference = "partnerReference";
    public const string Outcome = "outcome";
    public const string SettledAt = "settledAt";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string PaymentMethod = "paymentMethod";
    public const string Payee = "payee";
    public const string InvoiceIds = "invoiceIds";

    public const string PayeeId = "id";
    public const string PayeeType = "type";
    public const string PayeeCountry = "country";
    public const string PayeeLocale = "locale";

    /// <summary>Top-level properties every message must have, in contract order.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [RequestId, PartnerId, PartnerReference, Outcome, SettledAt, Amount, Currency, PaymentMethod, Payee, InvoiceIds];

    /// <summary>Properties the <c>payee</c> object must have.</summary>
    public static IReadOnlyList<string> RequiredInPayee { get; } = [PayeeId, PayeeType, PayeeCountry];
}
