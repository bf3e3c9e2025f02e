namespace Remittance.Domain.Validation;

/// <summary><c>payee.country</c>: an ISO 3166-1 alpha-2 code (or XK), upper case, exact.</summary>
internal static class CountryField
{
    public static string? Read(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = PartnerMessageFields.PayeeCountry;
        var field = fields.PathOf(Name);
        if (!fields.TryRequired(Name, errors, out var element) || !StringValue.TryGet(element, field, errors, out var code))
        {
            return null;
        }

        if (Iso3166.IsAlpha2(code))
        {
            return code;
        }

        var upper = code.ToUpperInvariant();
        errors.Add(
            upper != code && Iso3166.IsAlpha2(upper)
                ? new ValidationError(field, ErrorCodes.InvalidFormat, $"{field} {Quote.Text(code)} must be upper case: '{upper}'")
            : code.Length != 2 || !code.All(char.IsAsciiLetterUpper)
                ? new ValidationError(field, ErrorCodes.InvalidFormat,
                    $"{field} {Quote.Text(code)} is not an ISO 3166-1 alpha-2 code: two upper-case letters such as 'DE' (alpha-3 and numeric codes are not accepted)")
            : new ValidationError(field, ErrorCodes.UnknownCountry, $"{field} {Quote.Text(code)} is not an assigned ISO 3166-1 alpha-2 country code"));
        return null;
    }
}
