using System.Globalization;

namespace Remittance.Domain.Enrichment;

/// <summary>
/// Amounts on the enriched envelope: a decimal in a JSON string with exactly the currency's ISO 4217 minor units
/// (<c>"75.50"</c> GBP, <c>"1500000"</c> JPY, <c>"125.750"</c> KWD), never a JSON number, so no consumer rounds it
/// through a binary float.
/// </summary>
public static class WireAmount
{
    /// <exception cref="ArgumentOutOfRangeException">
    /// The amount is not positive, or has more decimals than the currency allows: rounding money here would hide a bug.
    /// </exception>
    public static string Format(decimal amount, CurrencyInfo currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Amounts on the envelope are positive.");
        }

        if (decimal.Round(amount, currency.MinorUnits) != amount)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount,
                $"{currency.Code} has {currency.MinorUnits} decimal places (ISO 4217); refusing to round {amount.ToString(CultureInfo.InvariantCulture)}.");
        }

        return amount.ToString("F" + currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
