using Remittance.Notifications.Tests.Support;

namespace Remittance.Notifications.Tests;

/// <summary>The catalog the CLI and the tests use by default, against every valid sample partner message.</summary>
public sealed class ShippedCatalogTests
{
    // Sample → the template it gets and the locale keys tried to find it.
    private static readonly Dictionary<string, (string Template, string Tried)> s_expected = new(StringComparer.Ordinal)
    {
        ["001-settled-usd-business.json"] = ("business-advice.en", "en-US, en, default"),
        ["002-settled-jpy-zero-decimals.json"] = ("advice.ja", "ja-JP, ja"),
        ["003-settled-kwd-three-decimals.json"] = ("business-advice.en", "ar-KW, ar, default"),
        ["004-settled-eur-sepa-de-locale.json"] = ("business-advice.de", "de-DE, de"),
        ["005-settled-brl-individual-pt-br.json"] = ("individual-advice.pt-BR", "pt-BR"),
        ["006-settled-gbp-no-locale.json"] = ("business-advice.en", "en-GB, en, default"),
        ["007-settled-inr-check.json"] = ("individual-advice.en", "hi-IN, hi, default"),
        ["008-returned-cad-fr-ca.json"] = ("business-returned.fr", "fr-CA, fr"),
        ["009-rejected-chf-swift.json"] = ("business-returned.de", "de-CH, de"),
        ["010-settled-with-unknown-fields.json"] = ("business-advice.en", "en-US, en, default"),
        ["011-settled-twd-zh-hant-tw.json"] = ("business-advice.en", "zh-Hant-TW, zh-Hant, zh, default"),
        ["012-settled-eur-kosovo.json"] = ("individual-advice.en", "sq-XK, sq, default"),
        ["013-non-ascii-128-char-request-id.json"] = ("advice.ja", "ja-JP, ja"),
        ["020-duplicate-of-001.json"] = ("business-advice.en", "en-US, en, default"),
        ["021-conflict-with-001.json"] = ("business-advice.en", "en-US, en, default"),
        ["040-oversized.json"] = ("business-advice.en", "en-US, en, default"),
        ["batch.jsonl:1"] = ("business-advice.en", "en-US, en, default"),
        ["batch.jsonl:2"] = ("business-advice.en", "is-IS, is, default"),
        ["batch.jsonl:3"] = ("individual-returned.en", "ko-KR, ko, default"),
        ["batch.jsonl:4"] = ("business-advice.fr", "fr-TN, fr"),
        ["batch.jsonl:5"] = ("business-advice.en", "ar-BH, ar, default"),
    };

    public static TheoryData<string> Samples => [.. s_expected.Keys];

    [Fact]
    public void Load_ShippedCatalog_IsValid()
    {
        var catalog = ShippedCatalog.Instance;

        Assert.Equal(21, catalog.Templates.Count);
        Assert.Equal(21, catalog.Rules.Count);
        Assert.Equal(16, catalog.Templates.Values.Count(t => t.Channel == NotificationChannel.Email));
    }

    [Fact]
    public void Samples_EveryValidOne_HasAnExpectedTemplate() =>
        Assert.Equal(s_expected.Keys.Order(StringComparer.Ordinal), SampleRemittances.All().Select(s => s.Source).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Select_EveryValidSample_GetsItsTemplateThroughTheExpectedFallbackChain(string source)
    {
        var (template, tried) = s_expected[source];

        var selection = ShippedCatalog.Selector.Select(SampleRemittances.Sample(source));

        Assert.True(selection.IsFound, selection.Explanation);
        Assert.Equal(template, selection.Template.Id);
        Assert.Equal(tried, string.Join(", ", selection.Tried));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_EveryValidSample_FillsEveryPlaceholder(string source)
    {
        var remittance = SampleRemittances.Sample(source);
        var selection = ShippedCatalog.Selector.Select(remittance);

        var rendered = NotificationRenderer.Render(selection, remittance);

        Assert.DoesNotContain("{{", rendered.Body, StringComparison.Ordinal);
        Assert.Equal(rendered.Channel == NotificationChannel.Email, rendered.Subject is not null);
        Assert.Equal(remittance.Payee.Id, rendered.Recipient);
        Assert.All(remittance.Invoices, i => Assert.Contains(i.InvoiceId, rendered.Body, StringComparison.Ordinal));
    }
}
