using Remittance.Notifications.Locales;

namespace Remittance.Notifications.Tests;

public sealed class LocaleTagTests
{
    [Theory]
    [InlineData("pt-BR", "pt-BR", "pt-BR,pt,default")]
    [InlineData("PT-br", "pt-BR", "pt-BR,pt,default")]
    [InlineData("fr", "fr", "fr,default")]
    [InlineData("zh-Hant-TW", "zh-Hant-TW", "zh-Hant-TW,zh-Hant,zh,default")]
    [InlineData("zh-hant", "zh-Hant", "zh-Hant,zh,default")]
    [InlineData("es-419", "es-419", "es-419,es,default")]
    [InlineData("de-DE-u-co-phonebk", "de-DE", "de-DE,de,default")]
    public void FallbackKeys_GoFromMostSpecificToDefault(string tag, string canonical, string keys)
    {
        Assert.True(LocaleTag.TryParse(tag, out var locale));

        Assert.Equal(canonical, locale.ToString());
        Assert.Equal(keys.Split(','), locale.FallbackKeys());
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("pt_BR")]
    [InlineData("1a-BR")]
    [InlineData("pt--BR")]
    public void TryParse_WhenNotALanguageTag_Fails(string tag) => Assert.False(LocaleTag.TryParse(tag, out _));

    [Theory]
    [InlineData("US", "en-US")]
    [InlineData("GB", "en-GB")]
    [InlineData("DE", "de-DE")]
    [InlineData("TW", "zh-Hant-TW")]
    [InlineData("XK", "sq-XK")]
    [InlineData("FJ", "en")]
    public void CountryLocales_ForEachCountry_GiveItsDefaultOrEnglish(string country, string expected) =>
        Assert.Equal(expected, CountryLocales.For(country).ToString());
}
