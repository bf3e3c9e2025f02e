using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using static System.FormattableString;

namespace Remittance.Domain.Validation;

/// <summary>
/// <c>amount</c>: a positive plain decimal in a JSON string, with no more decimals than the currency's ISO 4217 minor
/// unit. Trailing zeros count as decimals ("1.000" is not a USD amount), because the number of decimals a partner
/// sends is the precision it claims, and a bank that writes a third USD decimal has a bug we want to hear about.
/// </summary>
internal static partial class AmountField
{
    /// <summary>Digits before the point; with at most 4 after it, every amount fits a decimal exactly.</summary>
    public const int MaxIntegerDigits = 18;

    public static decimal? Read(JsonFields fields, CurrencyInfo? currency, List<ValidationError> errors)
    {
        const string Name = PartnerMessageFields.Amount;
        var field = fields.PathOf(Name);
        if (!fields.TryRequired(Name, errors, out var element))
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number)
        {
            errors.Add(new ValidationError(field, ErrorCodes.WrongType,
                $"{field} must be a string such as \"1500.50\", not a JSON number, so that no precision is lost; got the number {Quote.Shorten(element.GetRawText())}"));
            return null;
        }

        if (!StringValue.TryGet(element, field, errors, out var text))
        {
            return null;
        }

        if (!PlainDecimal().IsMatch(text))
        {
            errors.Add(new ValidationError(field, ErrorCodes.InvalidFormat,
                $"{field} {Quote.Text(text)} is not a plain decimal: use digits with an optional '.' and fraction, e.g. '1500.50' (no sign, exponent, spaces or separators)"));
            return null;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerDigits = point < 0 ? text.Length : point;
        var fractionDigits = point < 0 ? 0 : text.Length - point - 1;
        if (integerDigits > MaxIntegerDigits)
        {
            errors.Add(new ValidationError(field, ErrorCodes.OutOfRange,
                Invariant($"{field} {Quote.Text(text)} has {integerDigits} digits before the decimal point; at most {MaxIntegerDigits} are allowed")));
            return null;
        }

        if (!text.AsSpan().ContainsAnyExcept('0', '.'))
        {
            errors.Add(new ValidationError(field, ErrorCodes.OutOfRange, $"{field} {Quote.Text(text)} must be greater than zero"));
            return null;
        }

        if (currency is null)
        {
            // Without a valid currency the number of decimals cannot be judged; the currency error says why.
            return null;
        }

        if (fractionDigits > currency.MinorUnits)
        {
            errors.Add(new ValidationError(field, ErrorCodes.TooManyFractionDigits,
                Invariant($"{currency.Code} has {currency.MinorUnits} decimal places (ISO 4217); {field} {Quote.Text(text)} has {fractionDigits}")
                + TrailingZerosHint(text, point, currency.MinorUnits)));
            return null;
        }

        return decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static string TrailingZerosHint(string text, int point, int minorUnits)
    {
        var kept = minorUnits == 0 ? point : point + 1 + minorUnits;
        return text.AsSpan(kept).Trim('.').ContainsAnyExcept('0')
            ? string.Empty
            : $" (trailing zeros count: write '{text[..kept]}')";
    }

    [GeneratedRegex("^[0-9]+(\\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainDecimal();
}
