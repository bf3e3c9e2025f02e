namespace Remittance.Notifications.Locales;

/// <summary>How one locale writes amounts and dates.</summary>
/// <param name="SpaceAfterPrefix">
/// Whether a prefix symbol is followed by a space (<c>R$ 1.250,00</c>). A symbol ending in a letter always is
/// (<c>KWD 125.750</c>); a suffix symbol is always preceded by one (<c>1.250,00 €</c>).
/// </param>
/// <param name="MinimumGroupingDigits">2 where four-digit numbers are not grouped (Spanish: <c>1250,00 €</c>).</param>
/// <param name="IndianGrouping">Groups of two above the thousands (<c>12,34,567.00</c>).</param>
/// <param name="DatePattern">Numeric, with <c>yyyy</c>, <c>MM</c> and <c>dd</c> only, so no month names are needed.</param>
public sealed record LocaleFormat(
    char DecimalSeparator,
    string GroupSeparator,
    CurrencyPosition Position,
    bool SpaceAfterPrefix,
    string DatePattern,
    int MinimumGroupingDigits = 1,
    bool IndianGrouping = false);
