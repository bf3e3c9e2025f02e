using System.Collections.Frozen;

namespace Remittance.Notifications.Locales;

/// <summary>
/// Currency symbols for the currencies partners pay in, with the ISO code as the fallback (<c>KWD 125.750</c>).
/// A "$" or "¥" shared by several currencies is only used where it is unambiguous: in the currency's home region
/// (<c>$</c> for USD in the US, <c>US$</c> elsewhere). Japanese writes the yen with the full-width <c>￥</c>.
/// </summary>
public static class CurrencySymbols
{
    private static readonly FrozenDictionary<string, Entry> s_byCode = new Dictionary<string, Entry>(StringComparer.Ordinal)
    {
        ["USD"] = new("$", "US$", ["US", "PR", "EC", "SV"]),
        ["CAD"] = new("$", "CA$", ["CA"]),
        ["AUD"] = new("$", "A$", ["AU"]),
        ["MXN"] = new("$", "MX$", ["MX"]),
        ["TWD"] = new("$", "NT$", ["TW"]),
        ["CNY"] = new("¥", "CN¥", ["CN"]),
        ["EUR"] = new("€"),
        ["GBP"] = new("£"),
        ["JPY"] = new("¥"),
        ["INR"] = new("₹"),
        ["KRW"] = new("₩"),
        ["BRL"] = new("R$"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <param name="region">The locale's region, or the payee's country when the locale has none.</param>
    public static string For(string currencyCode, LocaleTag locale, string? region)
    {
        ArgumentNullException.ThrowIfNull(currencyCode);
        ArgumentNullException.ThrowIfNull(locale);
        if (currencyCode == "JPY" && locale.Language == "ja")
        {
            return "￥";
        }

        if (!s_byCode.TryGetValue(currencyCode, out var entry))
        {
            return currencyCode;
        }

        return entry.International is null || (region is not null && entry.HomeRegions.Contains(region))
            ? entry.Symbol
            : entry.International;
    }

    private sealed record Entry(string Symbol, string? International = null, params string[] HomeRegions);
}
