using System.Globalization;
using Remittance.Domain;
using Remittance.Domain.Enrichment;
using Remittance.Notifications.Locales;
using F = Remittance.Notifications.TemplateFields;

namespace Remittance.Notifications.Templates;

/// <summary>
/// The model templates render: its <see cref="Shape"/> (what the catalog checks placeholders against) and
/// <see cref="Build"/> (the values). Both are written here, side by side, from <see cref="TemplateFields"/>; a test
/// checks that every built model has exactly the shape.
/// </summary>
internal static class TemplateModel
{
    public static ModelShape InvoiceShape { get; } = ModelShape.Of(
        (F.InvoiceId, FieldShape.Scalar),
        (F.Description, FieldShape.Scalar),
        (F.Amount, FieldShape.Scalar),
        (F.AmountValue, FieldShape.Scalar),
        (F.Currency, FieldShape.Scalar),
        (F.IssuedOn, FieldShape.Scalar),
        (F.PurchaseOrder, FieldShape.Scalar));

    public static ModelShape PayeeShape { get; } = ModelShape.Of(
        (F.PayeeId, FieldShape.Scalar),
        (F.PayeeType, FieldShape.Scalar),
        (F.PayeeCountry, FieldShape.Scalar),
        (F.PayeeLocale, FieldShape.Scalar));

    public static ModelShape Shape { get; } = ModelShape.Of(
        (F.RequestId, FieldShape.Scalar),
        (F.PartnerId, FieldShape.Scalar),
        (F.PartnerReference, FieldShape.Scalar),
        (F.Outcome, FieldShape.Scalar),
        (F.Purpose, FieldShape.Scalar),
        (F.PaymentMethod, FieldShape.Scalar),
        (F.PaymentDescription, FieldShape.Scalar),
        (F.Amount, FieldShape.Scalar),
        (F.AmountValue, FieldShape.Scalar),
        (F.Currency, FieldShape.Scalar),
        (F.SettledOn, FieldShape.Scalar),
        (F.InvoiceCount, FieldShape.Scalar),
        (F.Locale, FieldShape.Scalar),
        (F.Payee, FieldShape.ObjectOf(PayeeShape)),
        (F.Invoices, FieldShape.ListOf(InvoiceShape)));

    public static ObjectValue Build(EnrichedRemittance remittance, LocaleTag locale)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        ArgumentNullException.ThrowIfNull(locale);
        var payee = remittance.Payee;
        return ObjectValue.Of(
            (F.RequestId, ScalarValue.Of(remittance.RequestId)),
            (F.PartnerId, ScalarValue.Of(remittance.PartnerId)),
            (F.PartnerReference, ScalarValue.Of(remittance.PartnerReference)),
            (F.Outcome, ScalarValue.Of(remittance.Outcome.ToWire())),
            (F.Purpose, ScalarValue.Of(remittance.Purpose)),
            (F.PaymentMethod, ScalarValue.Of(remittance.PaymentMethod.ToWire())),
            (F.PaymentDescription, ScalarValue.Of(remittance.PaymentDescription)),
            (F.Amount, ScalarValue.Of(LocalizedFormat.Amount(remittance.Amount, remittance.Currency, locale, payee.Country))),
            (F.AmountValue, ScalarValue.Of(WireAmount.Format(remittance.Amount, remittance.Currency))),
            (F.Currency, ScalarValue.Of(remittance.Currency.Code)),
            (F.SettledOn, ScalarValue.Of(LocalizedFormat.Date(DateOnly.FromDateTime(remittance.SettledAt.DateTime), locale))),
            (F.InvoiceCount, ScalarValue.Of(remittance.Invoices.Count.ToString(CultureInfo.InvariantCulture))),
            (F.Locale, ScalarValue.Of(locale.ToString())),
            (F.Payee, ObjectValue.Of(
                (F.PayeeId, ScalarValue.Of(payee.Id)),
                (F.PayeeType, ScalarValue.Of(payee.Type.ToWire())),
                (F.PayeeCountry, ScalarValue.Of(payee.Country)),
                (F.PayeeLocale, ScalarValue.Of(payee.Locale)))),
            (F.Invoices, new ListValue([.. remittance.Invoices.Select(i => Invoice(i, locale, payee.Country))])));
    }

    private static ObjectValue Invoice(EnrichedInvoice invoice, LocaleTag locale, string country)
    {
        if (!Iso4217.TryGet(invoice.Currency, out var currency))
        {
            throw new ArgumentException($"Invoice {invoice.InvoiceId}: '{invoice.Currency}' is not an ISO 4217 code with a minor unit.", nameof(invoice));
        }

        return ObjectValue.Of(
            (F.InvoiceId, ScalarValue.Of(invoice.InvoiceId)),
            (F.Description, ScalarValue.Of(invoice.Description)),
            (F.Amount, ScalarValue.Of(LocalizedFormat.Amount(invoice.Amount, currency, locale, country))),
            (F.AmountValue, ScalarValue.Of(WireAmount.Format(invoice.Amount, currency))),
            (F.Currency, ScalarValue.Of(currency.Code)),
            (F.IssuedOn, ScalarValue.Of(LocalizedFormat.Date(invoice.IssuedAt, locale))),
            (F.PurchaseOrder, ScalarValue.Of(invoice.PurchaseOrder)));
    }
}
