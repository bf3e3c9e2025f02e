using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Remittance.Domain.Validation;
using static System.FormattableString;

namespace Remittance.Domain.Enrichment;

/// <summary>
/// <c>data.invoices</c>: 1–100 invoice objects with distinct IDs, as many as a partner message may name. Each amount
/// follows the partner contract's amount rules in the invoice's own currency.
/// </summary>
internal static partial class InvoicesField
{
    public const int MaxDescriptionLength = 512;
    public const int MaxPurchaseOrderLength = 128;

    public static IReadOnlyList<EnrichedInvoice>? Read(JsonFields fields, List<ValidationError> errors)
    {
        var field = fields.PathOf(EnvelopeFields.Invoices);
        if (!fields.TryRequired(EnvelopeFields.Invoices, errors, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError(field, ErrorCodes.WrongType, $"{field} must be an array of invoice objects; got {Quote.Describe(element)}"));
            return null;
        }

        var count = element.GetArrayLength();
        if (count is 0 or > InvoiceIdsField.MaxCount)
        {
            errors.Add(new ValidationError(field, ErrorCodes.OutOfRange,
                Invariant($"{field} must hold 1–{InvoiceIdsField.MaxCount} invoices; it holds {count}")));
            return null;
        }

        var before = errors.Count;
        var invoices = new List<EnrichedInvoice>(count);
        var firstIndexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = JsonPath.Index(field, index);
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new ValidationError(path, ErrorCodes.WrongType, $"{path} must be an invoice object; got {Quote.Describe(item)}"));
            }
            else if (Invoice(new JsonFields(item, path, fields.NamesMayRepeat), errors) is { } invoice)
            {
                if (firstIndexOf.TryGetValue(invoice.InvoiceId, out var first))
                {
                    var idPath = JsonPath.Child(path, EnvelopeFields.InvoiceId);
                    errors.Add(new ValidationError(idPath, ErrorCodes.DuplicateValue,
                        Invariant($"{idPath} {Quote.Text(invoice.InvoiceId)} repeats {JsonPath.Index(field, first)}; invoice IDs must be distinct")));
                }
                else
                {
                    firstIndexOf.Add(invoice.InvoiceId, index);
                    invoices.Add(invoice);
                }
            }

            index++;
        }

        return errors.Count == before ? invoices : null;
    }

    private static EnrichedInvoice? Invoice(JsonFields fields, List<ValidationError> errors)
    {
        var invoiceId = TextField.Read(fields, EnvelopeFields.InvoiceId, InvoiceIdsField.MaxLength, errors);
        var description = TextField.Read(fields, EnvelopeFields.Description, MaxDescriptionLength, errors);
        var currencyErrors = new List<ValidationError>();
        var currency = CurrencyField.Read(fields, currencyErrors);
        var amount = AmountField.Read(fields, currency, errors);
        errors.AddRange(currencyErrors);
        var issuedAt = IssuedAt(fields, errors);
        var purchaseOrderIsValid = TryPurchaseOrder(fields, errors, out var purchaseOrder);

        return invoiceId is not null && description is not null && amount is { } validAmount && currency is not null
            && issuedAt is { } validIssuedAt && purchaseOrderIsValid
                ? new EnrichedInvoice(invoiceId, description, validAmount, currency.Code, validIssuedAt, purchaseOrder)
                : null;
    }

    private static DateOnly? IssuedAt(JsonFields fields, List<ValidationError> errors)
    {
        var field = fields.PathOf(EnvelopeFields.IssuedAt);
        if (!fields.TryRequired(EnvelopeFields.IssuedAt, errors, out var element) || !StringValue.TryGet(element, field, errors, out var text))
        {
            return null;
        }

        if (!IsoDate().IsMatch(text))
        {
            errors.Add(new ValidationError(field, ErrorCodes.InvalidFormat, $"{field} {Quote.Text(text)} is not an ISO 8601 date such as 2026-11-02"));
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new ValidationError(field, ErrorCodes.OutOfRange, $"{field} {Quote.Text(text)} is not a real date"));
            return null;
        }

        return date;
    }

    /// <summary>Optional: absent or null means none.</summary>
    private static bool TryPurchaseOrder(JsonFields fields, List<ValidationError> errors, out string? purchaseOrder)
    {
        var field = fields.PathOf(EnvelopeFields.PurchaseOrder);
        purchaseOrder = null;
        if (!fields.TryOptional(EnvelopeFields.PurchaseOrder, out var element))
        {
            return true;
        }

        if (!StringValue.TryGet(element, field, errors, out var text))
        {
            return false;
        }

        if (TextRules.Check(text, field, MaxPurchaseOrderLength) is { } error)
        {
            errors.Add(error);
            return false;
        }

        purchaseOrder = text;
        return true;
    }

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
