using System.Collections.Frozen;

namespace Remittance.Domain;

/// <summary>
/// ISO 3166-1 alpha-2 country codes: the 249 officially assigned ones, plus <c>XK</c> (Kosovo), a user-assigned code
/// that banks, SWIFT and the EU use because ISO has not assigned one.
/// </summary>
public static class Iso3166
{
    /// <summary>Kosovo's user-assigned code, accepted alongside the official ones.</summary>
    public const string Kosovo = "XK";

    private const string OfficiallyAssigned =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ " +
        "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ " +
        "DE DJ DK DM DO DZ " +
        "EC EE EG EH ER ES ET " +
        "FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY " +
        "HK HM HN HR HT HU " +
        "ID IE IL IM IN IO IQ IR IS IT " +
        "JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ " +
        "LA LB LC LI LK LR LS LT LU LV LY " +
        "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ " +
        "NA NC NE NF NG NI NL NO NP NR NU NZ " +
        "OM " +
        "PA PE PF PG PH PK PL PM PN PR PS PT PW PY " +
        "QA " +
        "RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ " +
        "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ " +
        "UA UG UM US UY UZ " +
        "VA VC VE VG VI VN VU " +
        "WF WS " +
        "YE YT " +
        "ZA ZM ZW";

    private static readonly FrozenSet<string> s_codes =
        OfficiallyAssigned.Split(' ').Append(Kosovo).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every accepted code (the official ones and <see cref="Kosovo"/>), in ordinal order.</summary>
    public static IReadOnlyCollection<string> All { get; } = [.. s_codes.Order(StringComparer.Ordinal)];

    /// <summary>Exact match on an upper-case code; <c>us</c> is not one.</summary>
    public static bool IsAlpha2(string? code) => code is not null && s_codes.Contains(code);
}
