using Remittance.Domain;
using Remittance.Notifications.Tests.Support;
using static Remittance.Notifications.Tests.Support.TestCatalog;

namespace Remittance.Notifications.Tests;

public sealed class TemplateSelectorTests
{
    [Fact]
    public void Select_WhenTheWholeLocaleMatches_UsesItWithoutFallingBack()
    {
        var selection = ShippedCatalog.Selector.Select(Remittances.Individual("pt-BR", "BR"));

        Assert.Equal("individual-advice.pt-BR", selection.Template?.Id);
        Assert.Equal(0, selection.FallbackLevel);
        Assert.Equal("pt-BR", selection.MatchedLocale);
        Assert.Equal(LocaleSource.PayeeLocale, selection.LocaleSource);
    }

    [Fact]
    public void Select_WhenOnlyLanguageMatches_FallsBackToLanguage()
    {
        var selection = ShippedCatalog.Selector.Select(Remittances.Individual("pt-PT", "PT"));

        Assert.Equal("individual-advice.pt", selection.Template?.Id);
        Assert.Equal(["pt-PT", "pt"], selection.Tried);
        Assert.Equal(1, selection.FallbackLevel);
        Assert.Equal("pt-PT", selection.Locale);
        Assert.Equal(
            "payeeType=INDIVIDUAL purpose=REMITTANCE_ADVICE locale=pt-PT (payee.locale): tried pt-PT, pt → rules[14] (INDIVIDUAL, REMITTANCE_ADVICE, pt) → template individual-advice.pt",
            selection.Explanation);
    }

    [Fact]
    public void Select_WhenTheLanguageHasNoRule_FallsBackToDefault()
    {
        var selection = ShippedCatalog.Selector.Select(Remittances.Business("sv-SE", "SE"));

        Assert.Equal("business-advice.en", selection.Template?.Id);
        Assert.Equal(["sv-SE", "sv", "default"], selection.Tried);
        Assert.Equal(2, selection.FallbackLevel);
    }

    [Fact]
    public void Select_WhenThePayeeHasNoLocale_UsesTheCountrysLanguage()
    {
        var selection = ShippedCatalog.Selector.Select(Remittances.Business(locale: null, country: "AT", outcome: PaymentOutcome.Returned));

        Assert.Equal("business-returned.de", selection.Template?.Id);
        Assert.Equal(LocaleSource.CountryDefault, selection.LocaleSource);
        Assert.Equal("de-AT", selection.Locale);
        Assert.Contains("(default for country AT)", selection.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_WhenNoLocaleAndAnUnlistedCountry_UsesEnglish()
    {
        var selection = ShippedCatalog.Selector.Select(Remittances.Business(locale: null, country: "FJ"));

        Assert.Equal(["en", "default"], selection.Tried);
        Assert.Equal("business-advice.en", selection.Template?.Id);
    }

    [Fact]
    public void Select_WildcardRuleInThePayeesLanguage_BeatsAnExactDefaultRule()
    {
        var selection = ShippedCatalog.Selector.Select(Remittances.Individual("ja-JP", "JP", PaymentOutcome.Rejected));

        Assert.Equal("returned.ja", selection.Template?.Id);
        Assert.Equal("rules[18] (*, RETURNED_PAYMENT, ja)", selection.Rule?.Label);
    }

    [Fact]
    public void Select_AtTheSameLocale_TheMoreSpecificRuleWins()
    {
        using var catalog = new TestCatalog();
        catalog.AddRules(Rule("*", "*", "de", "b-advice"), Rule("INDIVIDUAL", "*", "de", "i-returned"), Rule("INDIVIDUAL", "REMITTANCE_ADVICE", "de", "i-advice"));
        var selector = new TemplateSelector(catalog.Load());

        Assert.Equal("i-advice", selector.Select(Remittances.Individual("de", "DE")).Template?.Id);
        Assert.Equal("i-returned", selector.Select(Remittances.Individual("de", "DE", PaymentOutcome.Returned)).Template?.Id);
        Assert.Equal("b-advice", selector.Select(Remittances.Business("de", "DE", PaymentOutcome.Returned)).Template?.Id);
    }

    [Fact]
    public void Select_WhenNoRuleMatches_FailsNamingEveryLocaleTried()
    {
        // A loaded catalog covers every known payee type × purpose at 'default'; a purpose it does not know is what
        // can reach the selector unmatched (a new purpose before the catalog learns it), and it must not get a guess.
        var remittance = Remittances.Individual("ja-JP", "JP") with { Purpose = "PAYMENT_REMINDER" };

        var selection = ShippedCatalog.Selector.Select(remittance);

        Assert.False(selection.IsFound);
        Assert.Null(selection.Template);
        Assert.Equal("no rule for payeeType=INDIVIDUAL purpose=PAYMENT_REMINDER locale=ja-JP (payee.locale): tried ja-JP, ja, default", selection.Explanation);
        var failure = Assert.Throws<InvalidOperationException>(() => NotificationRenderer.Render(selection, remittance));
        Assert.Equal(selection.Explanation, failure.Message);
    }
}
