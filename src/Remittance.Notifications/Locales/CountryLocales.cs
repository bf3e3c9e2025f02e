using System.Collections.Frozen;

namespace Remittance.Notifications.Locales;

/// <summary>
/// The locale to use when a payee has none: the main language of business correspondence in the payee's country.
/// A small table covering the countries partners send today; any other country gets English.
/// </summary>
public static class CountryLocales
{
    private static readonly FrozenDictionary<string, string> s_byCountry = new Dictionary<string, string>
    {
        ["AE"] = "ar-AE",
        ["AR"] = "es-AR",
        ["AT"] = "de-AT",
        ["AU"] = "en-AU",
        ["BE"] = "fr-BE",
        ["BH"] = "ar-BH",
        ["BR"] = "pt-BR",
        ["CA"] = "en-CA",
        ["CH"] = "de-CH",
        ["CL"] = "es-CL",
        ["CO"] = "es-CO",
        ["DE"] = "de-DE",
        ["ES"] = "es-ES",
        ["FR"] = "fr-FR",
        ["GB"] = "en-GB",
        ["IE"] = "en-IE",
        ["IN"] = "en-IN",
        ["IS"] = "is-IS",
        ["IT"] = "it-IT",
        ["JP"] = "ja-JP",
        ["KR"] = "ko-KR",
        ["KW"] = "ar-KW",
        ["LU"] = "fr-LU",
        ["MX"] = "es-MX",
        ["NL"] = "nl-NL",
        ["PT"] = "pt-PT",
        ["SA"] = "ar-SA",
        ["TN"] = "ar-TN",
        ["TW"] = "zh-Hant-TW",
        ["US"] = "en-US",
        ["XK"] = "sq-XK",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The country's default locale, or plain English (<c>en</c>) for a country not in the table.</summary>
    public static LocaleTag For(string? country) =>
        country is not null && s_byCountry.TryGetValue(country, out var tag) && LocaleTag.TryParse(tag, out var locale)
            ? locale
            : LocaleTag.English;

    public static bool Contains(string country) => s_byCountry.ContainsKey(country);
}
