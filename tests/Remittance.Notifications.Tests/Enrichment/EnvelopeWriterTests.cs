using System.Text.Json.Nodes;
using Remittance.Domain;
using Remittance.Domain.Enrichment;
using Remittance.Notifications.Tests.Support;

namespace Remittance.Notifications.Tests.Enrichment;

public sealed class EnvelopeWriterTests
{
    public static readonly DateTimeOffset OccurredAt = new(2026, 11, 21, 10, 15, 5, 125, TimeSpan.Zero);

    public static TheoryData<string> SampleSources => [.. SampleRemittances.All().Select(s => s.Source)];

    [Theory]
    [MemberData(nameof(SampleSources))]
    public void WriteThenParse_ForEverySample_GivesBackTheSameRemittance(string source)
    {
        var remittance = SampleRemittances.Sample(source);
        var written = EnvelopeWriter.Write(remittance, OccurredAt);

        var result = EnvelopeParser.Parse(written.ToJsonString());

        Assert.True(result.IsValid, EnvelopeAssert.Describe(result.Errors));
        var data = result.Envelope.Data;
        Assert.Equal(remittance with { Invoices = data.Invoices }, data);
        Assert.Equal(remittance.Invoices, data.Invoices);
        Assert.Equal(OccurredAt, result.Envelope.OccurredAt);
        Assert.Equal(RemittanceEnvelope.EventIdFor(remittance.RequestId), result.Envelope.EventId);
        Assert.True(JsonNode.DeepEquals(written, EnvelopeWriter.Write(result.Envelope)), "rewriting the parsed envelope changed it");
    }

    [Fact]
    public void Write_Sample001_MatchesThePinnedExampleFile()
    {
        var pinned = JsonNode.Parse(File.ReadAllText(EnvelopeAssert.ExamplePath));

        var written = EnvelopeWriter.Write(SampleRemittances.Sample("001-settled-usd-business.json"), OccurredAt);

        Assert.True(JsonNode.DeepEquals(pinned, written), "samples/notifications/envelope-example.json differs from the writer's output:\n" + written);
        Assert.Equal(
            ["eventId", "eventType", "eventVersion", "occurredAt", "data"],
            written.Select(p => p.Key));
        Assert.Equal(
            ["requestId", "partnerId", "partnerReference", "outcome", "purpose", "settledAt", "amount", "currency", "paymentMethod", "paymentDescription", "payee", "invoices"],
            written["data"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("006-settled-gbp-no-locale.json", "75.50")]
    [InlineData("002-settled-jpy-zero-decimals.json", "1500000")]
    [InlineData("003-settled-kwd-three-decimals.json", "125.750")]
    [InlineData("batch.jsonl:1", "0.01")]
    public void Write_Amounts_AreStringsWithTheCurrencysMinorUnits(string source, string expected)
    {
        var written = EnvelopeWriter.Write(SampleRemittances.Sample(source), OccurredAt);

        var amount = written["data"]!["amount"]!.AsValue();
        Assert.Equal(System.Text.Json.JsonValueKind.String, amount.GetValueKind());
        Assert.Equal(expected, amount.GetValue<string>());
    }

    [Fact]
    public void Write_SettledAt_KeepsTheBanksOffsetAndOccurredAtIsUtc()
    {
        var remittance = SampleRemittances.Sample("005-settled-brl-individual-pt-br.json");

        var written = EnvelopeWriter.Write(remittance, new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.FromHours(2)));

        Assert.Equal("2026-11-21T07:15:00-03:00", written["data"]!["settledAt"]!.GetValue<string>());
        Assert.Equal("2026-11-21T10:00:00Z", written["occurredAt"]!.GetValue<string>());
    }

    [Fact]
    public void Write_WhenNoLocaleOrPurchaseOrder_LeavesThemOut()
    {
        var written = EnvelopeWriter.Write(SampleRemittances.Sample("006-settled-gbp-no-locale.json"), OccurredAt);

        Assert.False(written["data"]!["payee"]!.AsObject().ContainsKey("locale"));
        Assert.False(written["data"]!["invoices"]![0]!.AsObject().ContainsKey("purchaseOrder"));
    }

    [Fact]
    public void Write_WhenAnAmountHasMoreDecimalsThanItsCurrency_RefusesToRound()
    {
        var remittance = Remittances.Business() with { Amount = 10.005m };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => EnvelopeWriter.Write(remittance, OccurredAt));

        Assert.Contains("USD has 2 decimal places", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WhenAnInvoiceCurrencyIsUnknown_Throws()
    {
        var remittance = Remittances.Business() with
        {
            Invoices = [new EnrichedInvoice("INV-1", "Desks", 1m, "XAU", new DateOnly(2026, 1, 1))],
        };

        Assert.Throws<ArgumentException>(() => EnvelopeWriter.Write(remittance, OccurredAt));
    }

    [Theory]
    [InlineData(PaymentOutcome.Settled, RemittancePurposes.RemittanceAdvice)]
    [InlineData(PaymentOutcome.Returned, RemittancePurposes.ReturnedPayment)]
    [InlineData(PaymentOutcome.Rejected, RemittancePurposes.ReturnedPayment)]
    public void PurposeFor_EachOutcome_IsDocumentedPurpose(PaymentOutcome outcome, string purpose) =>
        Assert.Equal(purpose, RemittancePurposes.For(outcome));

    [Fact]
    public void EventIdFor_SameRequestId_IsTheSameVersion8Uuid()
    {
        var id = RemittanceEnvelope.EventIdFor("acme-bank-2026-11-21-000001");

        // Computed independently: SHA-256 of "remittance.enriched/v1/acme-bank-2026-11-21-000001", RFC 9562 v8 bits set.
        Assert.Equal(Guid.Parse("8c8cc86b-a94c-8cc1-8384-3017daa988e6"), id);
        Assert.Equal(id, RemittanceEnvelope.EventIdFor("acme-bank-2026-11-21-000001"));
        Assert.NotEqual(id, RemittanceEnvelope.EventIdFor("acme-bank-2026-11-21-000002"));
        Assert.Equal(8, id.Version);
        Assert.Equal('8', id.ToString("D")[14]);
        Assert.Contains(id.ToString("D")[19], "89ab");
    }
}
