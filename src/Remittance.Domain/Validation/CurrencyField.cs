namespace Remittance.Domain.Validation;

/// <summary><c>currency</c>: an active ISO 4217 code with a minor unit, upper case, exact.</summary>
internal static class CurrencyField
{
    public static CurrencyInfo? Read(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = PartnerMessageFields.Currency;
        var field = fields.PathOf(Name);
        if (!fields.TryRequired(Name, errors, out var element) || !StringValue.TryGet(element, field, errors, out var code))
        {
            return null;
        }

        if (Iso4217.TryGet(code, out var currency))
        {
            return currency;
        }

        var upper = code.ToUpperInvariant();
        errors.Add(
            upper != code && Iso4217.TryGet(upper, out _)
                ? new ValidationError(field, ErrorCodes.InvalidFormat, $"{field} {Quote.Text(code)} must be upper case: '{upper}'")
            : Iso4217.TryGetWithoutMinorUnit(upper, out var unitName)
                ? new ValidationError(field, ErrorCodes.UnsupportedCurrency,
                    $"{field} {Quote.Text(code)} ({unitName}) is an ISO 4217 code without a minor unit, so no payment amount can be expressed in it")
            : Iso4217.TryGetReplacement(upper, out var replacement)
                ? new ValidationError(field, ErrorCodes.UnknownCurrency,
                    $"{field} {Quote.Text(code)} has been withdrawn from ISO 4217; use '{replacement}'")
            : new ValidationError(field, ErrorCodes.UnknownCurrency, $"{field} {Quote.Text(code)} is not an ISO 4217 currency code"));
        return null;
    }
}
