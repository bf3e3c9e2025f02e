using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Remittance.Domain;

/// <summary>
/// ISO 4217 list one: the currencies in force, with their minor units. Codes without a minor unit (precious metals,
/// bond-market units, SDR, XSU, XUA, XTS, XXX) are left out because no amount in them can be checked or settled.
/// The data reflects the list after the 2024–2026 amendments: ZWG replaced ZWL, XCG replaced ANG, XAD was added, and
/// BGN (Bulgaria joined the euro), CUC, HRK and SLL were withdrawn. Amending it is a data change plus a test count change.
/// </summary>
public static class Iso4217
{
    private static readonly FrozenDictionary<string, CurrencyInfo> s_byCode = Currencies()
        .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    // Codes that exist in ISO 4217 but are refused, so the error can say why instead of "unknown".
    private static readonly FrozenDictionary<string, string> s_withoutMinorUnit = new Dictionary<string, string>
    {
        ["XAG"] = "Silver",
        ["XAU"] = "Gold",
        ["XBA"] = "Bond Markets Unit European Composite Unit (EURCO)",
        ["XBB"] = "Bond Markets Unit European Monetary Unit (E.M.U.-6)",
        ["XBC"] = "Bond Markets Unit European Unit of Account 9 (E.U.A.-9)",
        ["XBD"] = "Bond Markets Unit European Unit of Account 17 (E.U.A.-17)",
        ["XDR"] = "SDR (Special Drawing Right)",
        ["XPD"] = "Palladium",
        ["XPT"] = "Platinum",
        ["XSU"] = "Sucre",
        ["XTS"] = "Codes specifically reserved for testing purposes",
        ["XUA"] = "ADB Unit of Account",
        ["XXX"] = "The codes assigned for transactions where no currency is involved",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Recently withdrawn codes that partners' systems may still emit, with what replaced them.
    private static readonly FrozenDictionary<string, string> s_withdrawn = new Dictionary<string, string>
    {
        ["ANG"] = "XCG",
        ["BGN"] = "EUR",
        ["BYR"] = "BYN",
        ["CUC"] = "CUP",
        ["EEK"] = "EUR",
        ["HRK"] = "EUR",
        ["LTL"] = "EUR",
        ["LVL"] = "EUR",
        ["MRO"] = "MRU",
        ["SLL"] = "SLE",
        ["STD"] = "STN",
        ["VEF"] = "VES",
        ["ZWL"] = "ZWG",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every accepted currency, ordered by code.</summary>
    public static IReadOnlyCollection<CurrencyInfo> All { get; } = [.. s_byCode.Values.OrderBy(c => c.Code, StringComparer.Ordinal)];

    /// <summary>Exact match on the upper-case alphabetic code; <c>usd</c> is not found.</summary>
    public static bool TryGet(string? code, [NotNullWhen(true)] out CurrencyInfo? currency)
    {
        currency = null;
        return code is not null && s_byCode.TryGetValue(code, out currency);
    }

    /// <summary>The ISO 4217 name of a code that exists but has no minor unit, such as <c>XAU</c>.</summary>
    public static bool TryGetWithoutMinorUnit(string? code, [NotNullWhen(true)] out string? name)
    {
        name = null;
        return code is not null && s_withoutMinorUnit.TryGetValue(code, out name);
    }

    /// <summary>The code that replaced a recently withdrawn one, such as <c>HRK</c> → <c>EUR</c>.</summary>
    public static bool TryGetReplacement(string? withdrawnCode, [NotNullWhen(true)] out string? replacement)
    {
        replacement = null;
        return withdrawnCode is not null && s_withdrawn.TryGetValue(withdrawnCode, out replacement);
    }

    private static CurrencyInfo[] Currencies() =>
    [
        new("AED", 784, 2, "UAE Dirham"),
        new("AFN", 971, 2, "Afghani"),
        new("ALL", 8, 2, "Lek"),
        new("AMD", 51, 2, "Armenian Dram"),
        new("AOA", 973, 2, "Kwanza"),
        new("ARS", 32, 2, "Argentine Peso"),
        new("AUD", 36, 2, "Australian Dollar"),
        new("AWG", 533, 2, "Aruban Florin"),
        new("AZN", 944, 2, "Azerbaijan Manat"),
        new("BAM", 977, 2, "Convertible Mark"),
        new("BBD", 52, 2, "Barbados Dollar"),
        new("BDT", 50, 2, "Taka"),
        new("BHD", 48, 3, "Bahraini Dinar"),
        new("BIF", 108, 0, "Burundi Franc"),
        new("BMD", 60, 2, "Bermudian Dollar"),
        new("BND", 96, 2, "Brunei Dollar"),
        new("BOB", 68, 2, "Boliviano"),
        new("BOV", 984, 2, "Mvdol"),
        new("BRL", 986, 2, "Brazilian Real"),
        new("BSD", 44, 2, "Bahamian Dollar"),
        new("BTN", 64, 2, "Ngultrum"),
        new("BWP", 72, 2, "Pula"),
        new("BYN", 933, 2, "Belarusian Ruble"),
        new("BZD", 84, 2, "Belize Dollar"),
        new("CAD", 124, 2, "Canadian Dollar"),
        new("CDF", 976, 2, "Congolese Franc"),
        new("CHE", 947, 2, "WIR Euro"),
        new("CHF", 756, 2, "Swiss Franc"),
        new("CHW", 948, 2, "WIR Franc"),
        new("CLF", 990, 4, "Unidad de Fomento"),
        new("CLP", 152, 0, "Chilean Peso"),
        new("CNY", 156, 2, "Yuan Renminbi"),
        new("COP", 170, 2, "Colombian Peso"),
        new("COU", 970, 2, "Unidad de Valor Real"),
        new("CRC", 188, 2, "Costa Rican Colon"),
        new("CUP", 192, 2, "Cuban Peso"),
        new("CVE", 132, 2, "Cabo Verde Escudo"),
        new("CZK", 203, 2, "Czech Koruna"),
        new("DJF", 262, 0, "Djibouti Franc"),
        new("DKK", 208, 2, "Danish Krone"),
        new("DOP", 214, 2, "Dominican Peso"),
        new("DZD", 12, 2, "Algerian Dinar"),
        new("EGP", 818, 2, "Egyptian Pound"),
        new("ERN", 232, 2, "Nakfa"),
        new("ETB", 230, 2, "Ethiopian Birr"),
        new("EUR", 978, 2, "Euro"),
        new("FJD", 242, 2, "Fiji Dollar"),
        new("FKP", 238, 2, "Falkland Islands Pound"),
        new("GBP", 826, 2, "Pound Sterling"),
        new("GEL", 981, 2, "Lari"),
        new("GHS", 936, 2, "Ghana Cedi"),
        new("GIP", 292, 2, "Gibraltar Pound"),
        new("GMD", 270, 2, "Dalasi"),
        new("GNF", 324, 0, "Guinean Franc"),
        new("GTQ", 320, 2, "Quetzal"),
        new("GYD", 328, 2, "Guyana Dollar"),
        new("HKD", 344, 2, "Hong Kong Dollar"),
        new("HNL", 340, 2, "Lempira"),
        new("HTG", 332, 2, "Gourde"),
        new("HUF", 348, 2, "Forint"),
        new("IDR", 360, 2, "Rupiah"),
        new("ILS", 376, 2, "New Israeli Sheqel"),
        new("INR", 356, 2, "Indian Rupee"),
        new("IQD", 368, 3, "Iraqi Dinar"),
        new("IRR", 364, 2, "Iranian Rial"),
        new("ISK", 352, 0, "Iceland Krona"),
        new("JMD", 388, 2, "Jamaican Dollar"),
        new("JOD", 400, 3, "Jordanian Dinar"),
        new("JPY", 392, 0, "Yen"),
        new("KES", 404, 2, "Kenyan Shilling"),
        new("KGS", 417, 2, "Som"),
        new("KHR", 116, 2, "Riel"),
        new("KMF", 174, 0, "Comorian Franc"),
        new("KPW", 408, 2, "North Korean Won"),
        new("KRW", 410, 0, "Won"),
        new("KWD", 414, 3, "Kuwaiti Dinar"),
        new("KYD", 136, 2, "Cayman Islands Dollar"),
        new("KZT", 398, 2, "Tenge"),
        new("LAK", 418, 2, "Lao Kip"),
        new("LBP", 422, 2, "Lebanese Pound"),
        new("LKR", 144, 2, "Sri Lanka Rupee"),
        new("LRD", 430, 2, "Liberian Dollar"),
        new("LSL", 426, 2, "Loti"),
        new("LYD", 434, 3, "Libyan Dinar"),
        new("MAD", 504, 2, "Moroccan Dirham"),
        new("MDL", 498, 2, "Moldovan Leu"),
        new("MGA", 969, 2, "Malagasy Ariary"),
        new("MKD", 807, 2, "Denar"),
        new("MMK", 104, 2, "Kyat"),
        new("MNT", 496, 2, "Tugrik"),
        new("MOP", 446, 2, "Pataca"),
        new("MRU", 929, 2, "Ouguiya"),
        new("MUR", 480, 2, "Mauritius Rupee"),
        new("MVR", 462, 2, "Rufiyaa"),
        new("MWK", 454, 2, "Malawi Kwacha"),
        new("MXN", 484, 2, "Mexican Peso"),
        new("MXV", 979, 2, "Mexican Unidad de Inversion (UDI)"),
        new("MYR", 458, 2, "Malaysian Ringgit"),
        new("MZN", 943, 2, "Mozambique Metical"),
        new("NAD", 516, 2, "Namibia Dollar"),
        new("NGN", 566, 2, "Naira"),
        new("NIO", 558, 2, "Cordoba Oro"),
        new("NOK", 578, 2, "Norwegian Krone"),
        new("NPR", 524, 2, "Nepalese Rupee"),
        new("NZD", 554, 2, "New Zealand Dollar"),
        new("OMR", 512, 3, "Rial Omani"),
        new("PAB", 590, 2, "Balboa"),
        new("PEN", 604, 2, "Sol"),
        new("PGK", 598, 2, "Kina"),
        new("PHP", 608, 2, "Philippine Peso"),
        new("PKR", 586, 2, "Pakistan Rupee"),
        new("PLN", 985, 2, "Zloty"),
        new("PYG", 600, 0, "Guarani"),
        new("QAR", 634, 2, "Qatari Rial"),
        new("RON", 946, 2, "Romanian Leu"),
        new("RSD", 941, 2, "Serbian Dinar"),
        new("RUB", 643, 2, "Russian Ruble"),
        new("RWF", 646, 0, "Rwanda Franc"),
        new("SAR", 682, 2, "Saudi Riyal"),
        new("SBD", 90, 2, "Solomon Islands Dollar"),
        new("SCR", 690, 2, "Seychelles Rupee"),
        new("SDG", 938, 2, "Sudanese Pound"),
        new("SEK", 752, 2, "Swedish Krona"),
        new("SGD", 702, 2, "Singapore Dollar"),
        new("SHP", 654, 2, "Saint Helena Pound"),
        new("SLE", 925, 2, "Leone"),
        new("SOS", 706, 2, "Somali Shilling"),
        new("SRD", 968, 2, "Surinam Dollar"),
        new("SSP", 728, 2, "South Sudanese Pound"),
        new("STN", 930, 2, "Dobra"),
        new("SVC", 222, 2, "El Salvador Colon"),
        new("SYP", 760, 2, "Syrian Pound"),
        new("SZL", 748, 2, "Lilangeni"),
        new("THB", 764, 2, "Baht"),
        new("TJS", 972, 2, "Somoni"),
        new("TMT", 934, 2, "Turkmenistan New Manat"),
        new("TND", 788, 3, "Tunisian Dinar"),
        new("TOP", 776, 2, "Pa’anga"),
        new("TRY", 949, 2, "Turkish Lira"),
        new("TTD", 780, 2, "Trinidad and Tobago Dollar"),
        new("TWD", 901, 2, "New Taiwan Dollar"),
        new("TZS", 834, 2, "Tanzanian Shilling"),
        new("UAH", 980, 2, "Hryvnia"),
        new("UGX", 800, 0, "Uganda Shilling"),
        new("USD", 840, 2, "US Dollar"),
        new("USN", 997, 2, "US Dollar (Next day)"),
        new("UYI", 940, 0, "Uruguay Peso en Unidades Indexadas (UI)"),
        new("UYU", 858, 2, "Peso Uruguayo"),
        new("UYW", 927, 4, "Unidad Previsional"),
        new("UZS", 860, 2, "Uzbekistan Sum"),
        new("VED", 926, 2, "Bolívar Soberano"),
        new("VES", 928, 2, "Bolívar Soberano"),
        new("VND", 704, 0, "Dong"),
        new("VUV", 548, 0, "Vatu"),
        new("WST", 882, 2, "Tala"),
        new("XAD", 396, 2, "Arab Accounting Dinar"),
        new("XAF", 950, 0, "CFA Franc BEAC"),
        new("XCD", 951, 2, "East Caribbean Dollar"),
        new("XCG", 532, 2, "Caribbean Guilder"),
        new("XOF", 952, 0, "CFA Franc BCEAO"),
        new("XPF", 953, 0, "CFP Franc"),
        new("YER", 886, 2, "Yemeni Rial"),
        new("ZAR", 710, 2, "Rand"),
        new("ZMW", 967, 2, "Zambian Kwacha"),
        new("ZWG", 924, 2, "Zimbabwe Gold"),
    ];
}
