using System.Globalization;
using System.Text;
using Remittance.Domain;

namespace Remittance.Notifications.Locales;

/// <summary>Amounts and dates written for a reader in a locale, from the explicit tables (see <see cref="LocaleFormats"/>).</summary>
public static class LocalizedFormat
{
    /// <summary>
    /// With exactly the currency's minor units: en-US <c>$1,250.00</c>, de-DE <c>1.250,00 €</c>, fr <c>1 250,00 €</c>,
    /// pt-BR <c>R$ 1.250,00</c>, ja-JP <c>￥150,000</c>, en <c>KWD 125.750</c>.
    /// </summary>
    /// <param name="region">Where the reader is, for ambiguous symbols: the locale's region, else the payee's country.</param>
    public static string Amount(decimal amount, CurrencyInfo currency, LocaleTag locale, string? region = null)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(locale);
        var (_, format) = LocaleFormats.For(locale);
        var number = Number(Math.Abs(amount), currency.MinorUnits, format);
        var symbol = CurrencySymbols.For(currency.Code, locale, locale.Region ?? region);
        var sign = amount < 0 ? "-" : string.Empty;
        if (format.Position == CurrencyPosition.Suffix)
        {
            return sign + number + " " + symbol;
        }

        var space = format.SpaceAfterPrefix || char.IsLetter(symbol[^1]) ? " " : string.Empty;
        return sign + symbol + space + number;
    }

    /// <summary>A numeric date in the locale's order (de <c>21.11.2026</c>, en-US <c>11/21/2026</c>), ISO for others.</summary>
    public static string Date(DateOnly date, LocaleTag locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        var (_, format) = LocaleFormats.For(locale);
        return format.DatePattern
            .Replace("yyyy", date.Year.ToString("0000", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("MM", date.Month.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("dd", date.Day.ToString("00", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string Number(decimal value, int minorUnits, LocaleFormat format)
    {
        // Rounding can only happen for an amount with more decimals than its currency, which validation refuses.
        var plain = decimal.Round(value, minorUnits, MidpointRounding.ToEven)
            .ToString("F" + minorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var point = plain.IndexOf('.', StringComparison.Ordinal);
        var integer = point < 0 ? plain : plain[..point];
        var result = new StringBuilder(Group(integer, format));
        if (point >= 0)
        {
            result.Append(format.DecimalSeparator).Append(plain, point + 1, plain.Length - point - 1);
        }

        return result.ToString();
    }

    private static string Group(string digits, LocaleFormat format)
    {
        if (digits.Length < 3 + format.MinimumGroupingDigits)
        {
            return digits;
        }

        var groups = new List<string>();
        var end = digits.Length;
        var size = 3;
        while (end > size)
        {
            groups.Insert(0, digits[(end - size)..end]);
            end -= size;
            size = format.IndianGrouping ? 2 : 3;
        }

        groups.Insert(0, digits[..end]);
        return string.Join(format.GroupSeparator, groups);
    }
}
