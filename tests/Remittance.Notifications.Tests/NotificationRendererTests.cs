using Remittance.Domain;
using Remittance.Domain.Enrichment;
using Remittance.Notifications.Tests.Support;

namespace Remittance.Notifications.Tests;

public sealed class NotificationRendererTests
{
    [Fact]
    public void Render_GermanBusinessAdvice_WritesEurosAndDatesTheGermanWay()
    {
        var rendered = Render(SampleRemittances.Sample("004-settled-eur-sepa-de-locale.json"));

        Assert.Equal("business-advice.de", rendered.TemplateId);
        Assert.Equal("de-DE", rendered.Locale);
        Assert.Equal("Zahlungsavis: 980,40 € – Referenz RP-SCT-2026-11-21-4471", rendered.Subject);
        Assert.Contains("am 21.11.2026 wurde eine Zahlung über <strong>980,40 €</strong> per SEPA an Sie ausgeführt", rendered.Body, StringComparison.Ordinal);
        Assert.Contains("<tr><td>RE-2026-00871 (Bestellung BEST-2026-0871)</td><td>Maintenance contract, Q4 2026</td><td>01.10.2026</td><td>412,10 €</td></tr>", rendered.Body, StringComparison.Ordinal);
        Assert.Contains("<tr><td>RE-2026-00872</td>", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_JapaneseYen_HasNoDecimalsAndTheFullWidthSign()
    {
        var rendered = Render(SampleRemittances.Sample("002-settled-jpy-zero-decimals.json"));

        Assert.Equal("お支払いのお知らせ：￥1,500,000（参照番号 SKR-20261121-88412）", rendered.Subject);
        Assert.Contains("2026/11/21にWIREにて<strong>￥1,500,000</strong>をお支払いいたしました", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KuwaitiDinar_HasThreeDecimalsAndTheCode()
    {
        var rendered = Render(SampleRemittances.Sample("003-settled-kwd-three-decimals.json"));

        Assert.Equal("Remittance advice: KWD 125.750 – reference GC-KW-0003-2026", rendered.Subject);
    }

    [Fact]
    public void Render_FrenchCanadian_UsesTheFrenchTemplateWithCanadianFormats()
    {
        var rendered = Render(SampleRemittances.Sample("008-returned-cad-fr-ca.json"));

        Assert.Equal(("business-returned.fr", "fr-CA"), (rendered.TemplateId, rendered.Locale));
        Assert.Equal("Paiement retourné : 612,30 $ – référence MC-EFT-RET-0008", rendered.Subject);
        Assert.Contains("Le paiement de <strong>612,30 $</strong> du 2026-11-21", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BrazilianIndividual_GetsAPlainTextSms()
    {
        var rendered = Render(SampleRemittances.Sample("005-settled-brl-individual-pt-br.json"));

        Assert.Equal(NotificationChannel.Sms, rendered.Channel);
        Assert.Null(rendered.Subject);
        Assert.Equal("Você recebeu um pagamento de R$ 350,99 em 21/11/2026 (ref. IPE-RTP-0005). Notas: NF-2026-000512", rendered.Body);
    }

    [Fact]
    public void Render_EmailBody_EscapesValuesButTheSubjectDoesNot()
    {
        var remittance = Remittances.Business() with { PartnerReference = "A&B <1>" };

        var rendered = Render(remittance);

        Assert.Equal("Remittance advice: $1,250.00 – reference A&B <1>", rendered.Subject);
        Assert.Contains("(reference A&amp;B &lt;1&gt;)", rendered.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("A&B", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SampleInvoiceDescription_IsEscapedInHtml()
    {
        var rendered = Render(SampleRemittances.Sample("001-settled-usd-business.json"));

        Assert.Contains("<td>Installation &amp; assembly services</td>", rendered.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-US\">", rendered.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Sms_IsNotEscapedAndListsInvoicesWithCommas()
    {
        var remittance = Remittances.Individual("en-US", "US") with
        {
            PartnerReference = "R&D",
            Invoices = [new("INV<1>", "x", 1m, "USD", new DateOnly(2026, 1, 1)), new("INV-2", "y", 2m, "USD", new DateOnly(2026, 1, 2))],
        };

        var rendered = Render(remittance);

        Assert.Equal("Payment received: $1,250.00 on 11/21/2026, ref R&D. Invoices: INV<1>, INV-2", rendered.Body);
    }

    [Fact]
    public void Render_SettledOn_IsTheBanksLocalDate()
    {
        var remittance = Remittances.Individual("en-US", "US") with { SettledAt = new DateTimeOffset(2026, 11, 21, 23, 30, 0, TimeSpan.FromHours(-5)) };

        Assert.Contains(" on 11/21/2026,", Render(remittance).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithAnExplicitLocale_FormatsForIt()
    {
        var template = ShippedCatalog.Instance.Templates["business-advice.en"];

        var rendered = NotificationRenderer.Render(template, Remittances.Business() with { Currency = Remittances.Currency("EUR") }, "fr-FR");

        Assert.Equal("Remittance advice: 1 250,00 € – reference ACME-REF-1", rendered.Subject);
        Assert.Equal("fr-FR", rendered.Locale);
    }

    [Fact]
    public void TemplateData_IsTheModelAsSesTemplateData()
    {
        var data = NotificationRenderer.TemplateData(SampleRemittances.Sample("001-settled-usd-business.json"), "en-US");

        Assert.Equal("$1,250.00", data["amount"]!.GetValue<string>());
        Assert.Equal("1250.00", data["amountValue"]!.GetValue<string>());
        Assert.Equal("payee-7f3a", data["payee"]!["id"]!.GetValue<string>());
        Assert.Equal("$800.00", data["invoices"]![0]!["amount"]!.GetValue<string>());
        Assert.Equal("PO-55120", data["invoices"]![0]!["purchaseOrder"]!.GetValue<string>());
        Assert.Equal(2, data["invoices"]!.AsArray().Count);
        Assert.Equal("2", data["invoiceCount"]!.GetValue<string>());
    }

    [Fact]
    public void Render_UnknownLocaleText_IsRefused() =>
        Assert.Throws<ArgumentException>(() => NotificationRenderer.Render(ShippedCatalog.Instance.Templates["business-advice.en"], Remittances.Business(), "not a tag"));

    private static RenderedNotification Render(EnrichedRemittance remittance) =>
        NotificationRenderer.Render(ShippedCatalog.Selector.Select(remittance), remittance);
}
