using Remittance.Domain;
using Remittance.Domain.Enrichment;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Schema;

namespace Remittance.IntegrationTests.Ingest;

/// <summary>
/// The notification service's ingest, fed the enriched envelopes the enrichment function publishes. That function may
/// publish the same event twice (a retried task whose first invocation published and then was lost), stamped later the
/// second time: that must be a duplicate, never a conflict, and never a second remittance.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class EnvelopeIngestTests(DynamoDbLocalFixture fixture)
{
    private static readonly DateTimeOffset s_enrichedAt = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ARepublishedEnvelope_StampedLater_IsADuplicate_AndTheFirstIsKept()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(ARepublishedEnvelope_StampedLater_IsADuplicate_AndTheFirstIsKept),
            service: Remittance.Workflows.Composition.ServiceCatalog.Notification);
        var data = Enriched("env-1");

        var first = await IngestAsync(harness, ("m-1", EnvelopeWriter.Write(data, s_enrichedAt).ToJsonString()));
        var republished = await IngestAsync(harness, ("m-2", EnvelopeWriter.Write(data, s_enrichedAt.AddSeconds(3)).ToJsonString()));

        Assert.Equal(IngestOutcome.Accepted, Assert.Single(first).Outcome);
        Assert.Equal(IngestOutcome.Duplicate, Assert.Single(republished).Outcome);
        var item = Assert.Single(await harness.ScanAsync());
        Assert.Equal("1", item[ItemAttributes.VersionId].N);
        Assert.Equal(s_enrichedAt, DateTimeOffset.Parse(item[ItemAttributes.Message].M[EnvelopeFields.OccurredAt].S, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AnEnvelopeWithTheSameRequestIdButOtherData_IsStillAConflict()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(AnEnvelopeWithTheSameRequestIdButOtherData_IsStillAConflict),
            service: Remittance.Workflows.Composition.ServiceCatalog.Notification);

        await IngestAsync(harness, ("m-1", EnvelopeWriter.Write(Enriched("env-2"), s_enrichedAt).ToJsonString()));
        var other = await IngestAsync(harness, ("m-2", EnvelopeWriter.Write(Enriched("env-2", amount: "99.99"), s_enrichedAt).ToJsonString()));

        var result = Assert.Single(other);
        Assert.Equal(IngestOutcome.Conflict, result.Outcome);
        Assert.Contains(result.Reasons, r => r.Code == "CONFLICTING_DUPLICATE");
    }

    private static Task<IReadOnlyList<IngestResult>> IngestAsync(PipelineHarness harness, params (string Id, string Body)[] messages) =>
        harness.Services.CreateIngestProcessor().ProcessAsync([.. messages.Select(m => new IngestMessage(m.Id, m.Body))], CancellationToken.None);

    private static EnrichedRemittance Enriched(string requestId, string amount = "1250.75")
    {
        var parsed = PartnerMessageParser.Parse(Messages.Body(requestId, m => m["amount"] = amount));
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        var message = parsed.Message!;
        var invoices = message.InvoiceIds.Select(id => new EnrichedInvoice(id, "Consulting services", decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture),
            message.Currency.Code, new DateOnly(2026, 10, 1))).ToList();
        return EnrichedRemittance.From(message, invoices, "Payment for invoices " + string.Join(", ", message.InvoiceIds));
    }
}
