using System.Text.Json;

namespace Remittance.Domain.Validation;

/// <summary>
/// Checks every field of a message object and collects every error, so a partner can fix a message in one round trip.
/// Errors come in contract order; each field contributes at most one.
/// </summary>
internal static class MessageValidator
{
    public const int MaxPartnerIdLength = 64;
    public const int MaxPartnerReferenceLength = 128;

    /// <returns>The message when <paramref Name="errors"/> is empty, and the request ID whenever it is valid.</returns>
    public static (PartnerMessage? Message, string? RequestId) Validate(JsonElement root, List<ValidationError> errors, bool namesMayRepeat = true)
    {
        var fields = new JsonFields(root, JsonPath.Root, namesMayRepeat);

        var schemaVersion = SchemaVersionField.Read(fields, errors);
        var requestId = RequestId(fields, errors);
        var partnerId = TextField.Read(fields, PartnerMessageFields.PartnerId, MaxPartnerIdLength, errors);
        var partnerReference = TextField.Read(fields, PartnerMessageFields.PartnerReference, MaxPartnerReferenceLength, errors);
        var outcome = EnumField.Read<PaymentOutcome>(fields, PartnerMessageFields.Outcome, WireNames.TryParseOutcome, WireNames.ToWire, errors);
        var settledAt = SettledAtField.Read(fields, errors);

        // The amount is judged against the currency, but its errors are listed first, in contract order.
        var currencyErrors = new List<ValidationError>();
        var currency = CurrencyField.Read(fields, currencyErrors);
        var amount = AmountField.Read(fields, currency, errors);
        errors.AddRange(currencyErrors);

        var paymentMethod = EnumField.Read<PaymentMethod>(fields, PartnerMessageFields.PaymentMethod, WireNames.TryParsePaymentMethod, WireNames.ToWire, errors);
        var payee = PayeeField.Read(fields, errors);
        var invoiceIds = InvoiceIdsField.Read(fields, errors);

        if (errors.Count > 0
            || schemaVersion is null || requestId is null || partnerId is null || partnerReference is null
            || outcome is not { } validOutcome || settledAt is not { } validSettledAt || amount is not { } validAmount
            || currency is null || paymentMethod is not { } validMethod || payee is null || invoiceIds is null)
        {
            return (null, requestId);
        }

        return (new PartnerMessage(schemaVersion, requestId, partnerId, partnerReference, validOutcome, validSettledAt,
            validAmount, currency, validMethod, payee, invoiceIds), requestId);
    }

    private static string? RequestId(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = PartnerMessageFields.RequestId;
        if (!fields.TryRequired(Name, errors, out var element) || !StringValue.TryGet(element, Name, errors, out var text))
        {
            return null;
        }

        if (RequestIds.Validate(text) is { } error)
        {
            errors.Add(error);
            return null;
        }

        return text;
    }
}
