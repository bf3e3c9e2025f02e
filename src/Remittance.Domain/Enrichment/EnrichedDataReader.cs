using System.Text.Json;
using Remittance.Domain.Validation;
using static System.FormattableString;

namespace Remittance.Domain.Enrichment;

/// <summary>
/// Reads an envelope's <c>data</c>. The fields it shares with the partner message are checked by the very same rules
/// (and give the same codes and messages, with <c>data.</c> paths), so the envelope cannot carry a value the partner
/// contract would have refused.
/// </summary>
internal static class EnrichedDataReader
{
    public const int MaxPaymentDescriptionLength = 1024;

    public static (EnrichedRemittance? Data, string? RequestId) Read(JsonFields fields, List<ValidationError> errors)
    {
        var before = errors.Count;
        var requestId = RequestId(fields, errors);
        var partnerId = TextField.Read(fields, EnvelopeFields.PartnerId, MessageValidator.MaxPartnerIdLength, errors);
        var partnerReference = TextField.Read(fields, EnvelopeFields.PartnerReference, MessageValidator.MaxPartnerReferenceLength, errors);
        var outcome = EnumField.Read<PaymentOutcome>(fields, EnvelopeFields.Outcome, WireNames.TryParseOutcome, WireNames.ToWire, errors);
        var purpose = Purpose(fields, outcome, errors);
        var settledAt = SettledAtField.Read(fields, errors);

        var currencyErrors = new List<ValidationError>();
        var currency = CurrencyField.Read(fields, currencyErrors);
        var amount = AmountField.Read(fields, currency, errors);
        errors.AddRange(currencyErrors);

        var paymentMethod = EnumField.Read<PaymentMethod>(fields, EnvelopeFields.PaymentMethod, WireNames.TryParsePaymentMethod, WireNames.ToWire, errors);
        var description = TextField.Read(fields, EnvelopeFields.PaymentDescription, MaxPaymentDescriptionLength, errors);
        var payee = PayeeField.Read(fields, errors);
        var invoices = InvoicesField.Read(fields, errors);

        if (errors.Count > before
            || requestId is null || partnerId is null || partnerReference is null || outcome is not { } validOutcome
            || purpose is null || settledAt is not { } validSettledAt || amount is not { } validAmount || currency is null
            || paymentMethod is not { } validMethod || description is null || payee is null || invoices is null)
        {
            return (null, requestId);
        }

        return (new EnrichedRemittance(requestId, partnerId, partnerReference, validOutcome, validSettledAt, validAmount,
            currency, validMethod, payee, purpose, description, invoices), requestId);
    }

    /// <summary>The request ID of data whose version is not read, when it is usable, to key the rejection.</summary>
    public static string? RequestIdOnly(JsonFields fields) =>
        fields.TryOptional(EnvelopeFields.RequestId, out var element)
        && element.ValueKind == JsonValueKind.String
        && element.GetString() is { } text
        && RequestIds.Validate(text) is null
            ? text
            : null;

    private static string? RequestId(JsonFields fields, List<ValidationError> errors)
    {
        var text = TextField.Read(fields, EnvelopeFields.RequestId, RequestIds.MaxLength, errors);
        if (text is not null && RequestIds.Validate(text) is { } error)
        {
            errors.Add(error with { Field = fields.PathOf(EnvelopeFields.RequestId) });
            return null;
        }

        return text;
    }

    private static string? Purpose(JsonFields fields, PaymentOutcome? outcome, List<ValidationError> errors)
    {
        var field = fields.PathOf(EnvelopeFields.Purpose);
        if (!fields.TryRequired(EnvelopeFields.Purpose, errors, out var element) || !StringValue.TryGet(element, field, errors, out var text))
        {
            return null;
        }

        if (!RemittancePurposes.IsKnown(text))
        {
            errors.Add(new ValidationError(field, ErrorCodes.UnknownValue,
                $"{field} {Quote.Text(text)} is not one of {string.Join(", ", RemittancePurposes.All)}"));
            return null;
        }

        if (outcome is { } known && RemittancePurposes.For(known) != text)
        {
            errors.Add(new ValidationError(field, EnvelopeErrorCodes.PurposeMismatch,
                Invariant($"{field} {Quote.Text(text)} contradicts outcome '{known.ToWire()}', whose purpose is '{RemittancePurposes.For(known)}'")));
            return null;
        }

        return text;
    }
}
