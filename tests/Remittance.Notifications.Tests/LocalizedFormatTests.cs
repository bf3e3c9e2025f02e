using Remittance.Notifications.Locales;
using Remittance.Notifications.Tests.Support;

namespace Remittance.Notifications.Tests;

public sealed class LocalizedFormatTests
{
    [Theory]
    [InlineData("1250.00", "USD", "en-US", null, "$1,250.00")]
    [InlineData("1250.00", "EUR", "de-DE", null, "1.250,00 €")]
    [InlineData("1250.00", "EUR", "fr", "FR", "1 250,00 €")]
    [InlineData("1250.00", "BRL", "pt-BR", null, "R$ 1.250,00")]
    [InlineData("150000", "JPY", "ja-JP", null, "￥150,000")]
    [InlineData("150000", "JPY", "en-US", null, "¥150,000")]
    [InlineData("125.750", "KWD", "ar-KW", null, "KWD 125.750")]
    [InlineData("18250.500", "TND", "fr-TN", null, "18 250,500 TND")]
    [InlineData("980.125", "BHD", "en", "BH", "BHD 980.125")]
    [InlineData("612.30", "CAD", "fr-CA", null, "612,30 $")]
    [InlineData("612.30", "CAD", "en-US", null, "CA$612.30")]
    [InlineData("1250.00", "USD", "fr", "CA", "1 250,00 US$")]
    [InlineData("1250.00", "USD", "en", "US", "$1,250.00")]
    [InlineData("2100.05", "CHF", "de-CH", null, "CHF 2'100.05")]
    [InlineData("1250.00", "EUR", "es-ES", null, "1250,00 €")]
    [InlineData("12500.00", "EUR", "es", "ES", "12.500,00 €")]
    [InlineData("4825000.00", "INR", "hi-IN", null, "₹48,25,000.00")]
    [InlineData("2500000", "KRW", "ko-KR", null, "₩2,500,000")]
    [InlineData("30500.00", "TWD", "zh-Hant-TW", null, "$30,500.00")]
    [InlineData("15000", "ISK", "is-IS", null, "15.000 ISK")]
    [InlineData("0.01", "USD", "en-US", null, "$0.01")]
    [InlineData("999.00", "EUR", "de", null, "999,00 €")]
    [InlineData("1000000.00", "EUR", "de-DE", null, "1.000.000,00 €")]
    [InlineData("0.5000", "CLF", "es-CL", null, "0,5000 CLF")]
    public void Amount_ForLocaleAndCurrency_UsesTheLocalesSeparatorsAndSymbol(string amount, string currency, string locale, string? region, string expected)
    {
        Assert.True(LocaleTag.TryParse(locale, out var tag));

        var formatted = LocalizedFormat.Amount(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), Remittances.Currency(currency), tag, region);

        Assert.Equal(expected, formatted);
    }

    [Fact]
    public void Amount_WithFewerDecimalsThanTheCurrency_IsPaddedToItsMinorUnits()
    {
        Assert.True(LocaleTag.TryParse("en-GB", out var tag));

        Assert.Equal("£75.50", LocalizedFormat.Amount(75.5m, Remittances.Currency("GBP"), tag));
    }

    [Theory]
    [InlineData("en-US", "11/21/2026")]
    [InlineData("en-GB", "21/11/2026")]
    [InlineData("en", "2026-11-21")]
    [InlineData("de-CH", "21.11.2026")]
    [InlineData("fr-CA", "2026-11-21")]
    [InlineData("fr-FR", "21/11/2026")]
    [InlineData("ja-JP", "2026/11/21")]
    [InlineData("ko-KR", "2026. 11. 21.")]
    [InlineData("ar-KW", "2026-11-21")]
    public void Date_ForLocale_UsesItsNumericPattern(string locale, string expected)
    {
        Assert.True(LocaleTag.TryParse(locale, out var tag));

        Assert.Equal(expected, LocalizedFormat.Date(new DateOnly(2026, 11, 21), tag));
    }

    [Fact]
    public void Formats_UseOnlyPlainSpaces_SoSmsStaysInGsm7()
    {
        Assert.True(LocaleTag.TryParse("fr", out var tag));

        var formatted = LocalizedFormat.Amount(1250m, Remittances.Currency("EUR"), tag);

        Assert.DoesNotContain(formatted, c => c is '\u00A0' or '\u202F');
    }
}
