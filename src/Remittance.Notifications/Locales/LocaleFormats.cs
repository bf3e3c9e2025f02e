using System.Collections.Frozen;

namespace Remittance.Notifications.Locales;

/// <summary>
/// An explicit table of number and date conventions, looked up along the locale's fallback chain. It exists because
/// the Lambda runs with <c>InvariantGlobalization</c> (no ICU on provided.al2023), so <c>CultureInfo</c> cannot format
/// for a locale. The entries follow CLDR's conventions with one deliberate change: separators are plain ASCII spaces,
/// not CLDR's no-break spaces, because GSM 03.38 has neither and one such character turns an SMS into UCS-2
/// (70 instead of 160 characters per part). Add a locale by adding a line.
/// </summary>
public static class LocaleFormats
{
    private const string IsoDate = "yyyy-MM-dd";
    private const string DayMonthYear = "dd/MM/yyyy";
    private const string DottedDate = "dd.MM.yyyy";

    /// <summary>For a locale with no entry: English separators and ISO dates, which nobody misreads.</summary>
    public static LocaleFormat Default { get; } = new('.', ",", CurrencyPosition.Prefix, false, IsoDate);

    private static readonly FrozenDictionary<string, LocaleFormat> s_byKey = new Dictionary<string, LocaleFormat>(StringComparer.Ordinal)
    {
        ["en"] = Default,
        ["en-US"] = Default with { DatePattern = "MM/dd/yyyy" },
        ["en-GB"] = Default with { DatePattern = DayMonthYear },
        ["en-IE"] = Default with { DatePattern = DayMonthYear },
        ["en-AU"] = Default with { DatePattern = DayMonthYear },
        ["en-IN"] = Default with { DatePattern = DayMonthYear, IndianGrouping = true },
        ["hi"] = Default with { DatePattern = DayMonthYear, IndianGrouping = true },
        ["de"] = new(',', ".", CurrencyPosition.Suffix, false, DottedDate),
        ["de-AT"] = new(',', ".", CurrencyPosition.Prefix, true, DottedDate),
        ["de-CH"] = new('.', "'", CurrencyPosition.Prefix, true, DottedDate),
        ["fr"] = new(',', " ", CurrencyPosition.Suffix, false, DayMonthYear),
        ["fr-CA"] = new(',', " ", CurrencyPosition.Suffix, false, IsoDate),
        ["pt"] = new(',', ".", CurrencyPosition.Prefix, true, DayMonthYear),
        ["pt-PT"] = new(',', " ", CurrencyPosition.Suffix, false, DayMonthYear, MinimumGroupingDigits: 2),
        ["es"] = new(',', ".", CurrencyPosition.Suffix, false, DayMonthYear, MinimumGroupingDigits: 2),
        ["es-MX"] = Default with { DatePattern = DayMonthYear },
        ["es-US"] = Default with { DatePattern = DayMonthYear },
        ["es-419"] = Default with { DatePattern = DayMonthYear },
        ["it"] = new(',', ".", CurrencyPosition.Suffix, false, DayMonthYear),
        ["nl"] = new(',', ".", CurrencyPosition.Prefix, true, "dd-MM-yyyy"),
        ["is"] = new(',', ".", CurrencyPosition.Suffix, false, DottedDate),
        ["sq"] = new(',', " ", CurrencyPosition.Suffix, false, DottedDate),
        ["ja"] = Default with { DatePattern = "yyyy/MM/dd" },
        ["zh"] = Default with { DatePattern = "yyyy/MM/dd" },
        ["ko"] = Default with { DatePattern = "yyyy. MM. dd." },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The first entry along <see cref="LocaleTag.FallbackKeys"/>, and its key (<c>default</c> for none).</summary>
    public static (string Key, LocaleFormat Format) For(LocaleTag locale)
    {
        ArgumentNullException.ThrowIfNull(locale);
        foreach (var key in locale.FallbackKeys())
        {
            if (s_byKey.TryGetValue(key, out var format))
            {
                return (key, format);
            }
        }

        return (LocaleTag.DefaultKey, Default);
    }
}
