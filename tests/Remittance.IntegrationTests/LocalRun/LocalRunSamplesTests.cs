using Remittance.Domain;
using Remittance.DynamoDbLocal;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.Input;
using Remittance.Local.Lambda;
using Remittance.Local.Run;

namespace Remittance.IntegrationTests.LocalRun;

/// <summary><c>remittance local run</c> on the checked-in samples, end to end against DynamoDB Local.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class LocalRunSamplesTests(DynamoDbLocalFixture fixture)
{
    private const string HeavyFaults = "enrich=0.5,publish=0.1,startExecution=0.05,dynamodb=0.02,record=0.05";

    private async Task<LocalRunReport> RunSamplesAsync(
        string testName, int concurrency = 1, bool withInvoices = true, string? faults = null, string? tablePrefix = null, string? outbox = null,
        LocalRuntimeKind runtime = LocalRuntimeKind.InProcess)
    {
        var input = RepositoryRoot.Combine("samples", "partner-messages");
        return await LocalRunner.RunAsync(input, MessageSource.Read(input), new LocalRunOptions
        {
            TableName = (tablePrefix ?? fixture.NewTablePrefix(testName)) + "remittances",
            NotificationCatalogDirectory = RepositoryRoot.Combine("samples", "notifications"),
            OutboxDirectory = outbox ?? Path.Combine(Path.GetTempPath(), "remittance-outbox-" + Guid.NewGuid().ToString("N")),
            Concurrency = concurrency,
            InvoicesPath = withInvoices ? RepositoryRoot.Combine("samples", "invoices.jsonl") : null,
            Faults = Remittance.Local.Faults.FaultPlan.Parse(faults, 7),
            Seed = 7,
            DynamoDb = new DynamoDbLocalOptions { Mode = DynamoDbLocalMode.External, ExternalEndpoint = fixture.ServiceUrl },
            Runtime = runtime,
        }, null, CancellationToken.None);
    }

    /// <summary>What a run decided, without what differs between any two runs (message IDs, times, outbox folders).</summary>
    private static object Fates(LocalRunReport report) => new
    {
        Deliveries = string.Join("\n", report.Deliveries.Select(d => $"{d.Source} {d.Outcome} {d.Receives} {d.RequestId}")),
        Remittances = string.Join("\n", report.Remittances.Select(r =>
            $"{r.RequestId} {r.Status} {r.Attempt} {r.ExecutionName} {r.ExecutionStatus} {r.ExecutionError} {r.Published} " +
            $"{r.NotificationStatus} {r.NotificationAttempts} {r.NotificationsSent} {r.TemplateId} {string.Join(",", r.Sources)}")),
        Rejections = string.Join("\n", report.Rejections.OrderBy(r => string.Join(",", r.Sources), StringComparer.Ordinal).Select(r =>
            $"{r.RequestId} {string.Join(",", r.Sources)} {string.Join(",", r.Reasons.Select(x => $"{x.Field}:{x.Code}"))}")),
        Conflicts = string.Join("\n", report.Conflicts.Select(c => $"{c.Key} {c.RequestId} {string.Join(",", c.Sources)} {c.PayloadHash}")),
        report.Totals.Notified,
        report.Totals.NotificationsSent,
        report.Totals.ExecutionsStarted,
        report.Totals.Sweeps,
        Faults = string.Join(",", report.FaultsInjected.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")),
    };

    [Theory]
    [InlineData(null)]
    [InlineData("enrich=0.3,publish=0.1,startExecution=0.05,record=0.05")]
    public async Task LocalRun_OnSamples_ThePublishedBinaryDecidesEveryFateAsTheInProcessRunDoes(string? faults)
    {
        var inProcess = await RunSamplesAsync(nameof(LocalRun_OnSamples_ThePublishedBinaryDecidesEveryFateAsTheInProcessRunDoes), faults: faults);
        var binary = await RunSamplesAsync(nameof(LocalRun_OnSamples_ThePublishedBinaryDecidesEveryFateAsTheInProcessRunDoes), faults: faults,
            runtime: LocalRuntimeKind.Process);

        Assert.Contains("published binary", binary.FunctionsRuntime, StringComparison.Ordinal);
        Assert.Equal(0, binary.Totals.DeadLettered);
        if (faults is null)
        {
            Assert.All(binary.Remittances, r => Assert.Equal(("NOTIFIED", 1), (r.NotificationStatus, r.NotificationsSent)));
        }

        Assert.Equal(Fates(inProcess), Fates(binary));
    }

    private static DeliveryEntry Delivery(LocalRunReport report, string source) => Assert.Single(report.Deliveries, d => d.Source == source);

    [Fact]
    public async Task LocalRun_OnSamples_AccountsForEveryMessage()
    {
        var report = await RunSamplesAsync(nameof(LocalRun_OnSamples_AccountsForEveryMessage));

        var input = MessageSource.Read(RepositoryRoot.Combine("samples", "partner-messages"));
        Assert.Equal(input.Select(m => m.Source), report.Deliveries.Select(d => d.Source));
        Assert.All(report.Deliveries, d => Assert.Contains(d.Outcome, (string[])["ACCEPTED", "DUPLICATE", "CONFLICT", "REJECTED"]));
        var t = report.Totals;
        Assert.Equal(t.Messages, t.Accepted + t.Duplicates + t.Conflicts + t.Rejected);
        Assert.Equal(0, t.DeadLettered);
        Assert.Equal(t.Accepted, report.Remittances.Count);
        // Every accepted remittance got exactly one run, under its pre-generated name.
        Assert.Equal(t.Accepted, t.ExecutionsStarted);
        Assert.All(report.Remittances, r =>
        {
            Assert.Equal("ENRICHED", r.Status);
            Assert.Equal(1, r.Attempt);
            Assert.Equal(ExecutionName.For(r.RequestId, 1), r.ExecutionName);
            Assert.Equal("SUCCEEDED", r.ExecutionStatus);
            Assert.Equal(1, r.Published);
            Assert.Equal("NOTIFIED", r.NotificationStatus);
            Assert.Equal(1, r.NotificationsSent);
            Assert.True(File.Exists(r.OutboxFile) || File.Exists(Path.Combine(Environment.CurrentDirectory, r.OutboxFile!)), r.OutboxFile);
        });
        Assert.Equal(t.Accepted, t.EnrichedPublished);
        Assert.Equal(t.Accepted, t.Notified);
        Assert.Equal(t.Accepted, t.NotificationsSent);
        Assert.Equal(t.Rejected, report.Rejections.Sum(r => r.Sources.Count));
    }

    [Fact]
    public async Task LocalRun_OnSamples_ShowsEachKindOfFate()
    {
        var report = await RunSamplesAsync(nameof(LocalRun_OnSamples_ShowsEachKindOfFate));

        Assert.Equal("ACCEPTED", Delivery(report, "001-settled-usd-business.json").Outcome);
        Assert.Equal("DUPLICATE", Delivery(report, "020-duplicate-of-001.json").Outcome);
        var conflict = Delivery(report, "021-conflict-with-001.json");
        Assert.Equal("CONFLICT", conflict.Outcome);
        Assert.Contains(report.Conflicts, c => c.Key == conflict.Key && c.Sources.Contains("021-conflict-with-001.json"));
        Assert.Equal("MALFORMED_JSON", RejectionCodes(report, "030-malformed-json.json").Single());
        Assert.Contains("TOO_MANY_FRACTION_DIGITS", RejectionCodes(report, "032-bad-exponent-jpy.json"));
        Assert.Equal("ITEM_TOO_LARGE", RejectionCodes(report, "040-oversized.json").Single());

        var nonAscii = Delivery(report, "013-non-ascii-128-char-request-id.json");
        Assert.Equal("ACCEPTED", nonAscii.Outcome);
        Assert.Equal(128, nonAscii.RequestId!.EnumerateRunes().Count());
        Assert.Contains(nonAscii.RequestId, c => c > 127);
        var remittance = Assert.Single(report.Remittances, r => r.RequestId == nonAscii.RequestId);
        Assert.True(ExecutionName.IsValid(remittance.ExecutionName));
    }

    [Fact]
    public async Task LocalRun_WithConcurrentBatches_StillWritesOneItemPerRequestId()
    {
        var report = await RunSamplesAsync(nameof(LocalRun_WithConcurrentBatches_StillWritesOneItemPerRequestId), concurrency: 4);

        // Which of 001/020/021 wins the race may vary; that exactly one is stored and the rest accounted for may not.
        var contenders = report.Deliveries.Where(d => d.Source is "001-settled-usd-business.json" or "020-duplicate-of-001.json" or "021-conflict-with-001.json").ToList();
        Assert.Single(contenders, d => d.Outcome == "ACCEPTED");
        Assert.Equal(3, contenders.Count(d => d.Outcome is "ACCEPTED" or "DUPLICATE" or "CONFLICT"));
        Assert.Single(report.Remittances, r => r.RequestId == contenders[0].RequestId);
        Assert.Equal(report.Totals.Accepted, report.Totals.ExecutionsStarted);
    }

    [Fact]
    public async Task LocalRun_WhenTheSameInputArrivesAgain_NothingIsProcessedOrSentTwice()
    {
        var prefix = fixture.NewTablePrefix(nameof(LocalRun_WhenTheSameInputArrivesAgain_NothingIsProcessedOrSentTwice));
        var outbox = Path.Combine(Path.GetTempPath(), "remittance-outbox-" + Guid.NewGuid().ToString("N"));
        var first = await RunSamplesAsync("first", tablePrefix: prefix, outbox: outbox);

        var second = await RunSamplesAsync("second", tablePrefix: prefix, outbox: outbox);

        Assert.Equal(first.Totals.Accepted, Directory.GetFiles(outbox).Length);
        Assert.Equal(0, second.Totals.Accepted);
        Assert.Equal(first.Totals.Accepted + first.Totals.Duplicates, second.Totals.Duplicates);
        Assert.Equal(0, second.Totals.ExecutionsStarted);
        Assert.Equal(0, second.Totals.NotificationsSent);
        Assert.All(second.Remittances, r => Assert.Equal("NOTIFIED", r.NotificationStatus));
    }

    [Fact]
    public async Task LocalRun_WithoutInvoices_RetriesUpToTheThresholdThenLeavesEachOnTheFailedIndex()
    {
        var report = await RunSamplesAsync(nameof(LocalRun_WithoutInvoices_RetriesUpToTheThresholdThenLeavesEachOnTheFailedIndex), withInvoices: false);

        Assert.Equal(0, report.Totals.EnrichedPublished);
        Assert.Equal(report.Totals.Accepted, report.Totals.ExecutionsFailed);
        Assert.Equal(report.Totals.Accepted, report.Totals.OnFailedIndex);
        Assert.Equal(0, report.Totals.OnRetryIndex);
        Assert.All(report.Remittances, r => Assert.Equal(3, r.Attempt));
        Assert.All(report.Remittances, r =>
        {
            Assert.Equal("FAILED", r.ExecutionStatus);
            Assert.StartsWith(Remittance.Workflows.Definition.WorkflowErrors.InvoiceNotFound, r.ExecutionError, StringComparison.Ordinal);
            Assert.Contains("not in the Invoices table", r.ExecutionError, StringComparison.Ordinal);
            Assert.NotEqual("ENRICHED", r.Status);
        });
    }

    [Fact]
    public async Task LocalRun_WithInjectedFaults_StillEnrichesAndPublishesEveryValidRemittanceExactlyOnce()
    {
        // Draws depend only on the seed and the work, so the default seed is a fixed scenario: with these rates some runs
        // exhaust their in-workflow retries (the sweeper must save them) and none reaches the threshold.
        var report = await RunSamplesAsync(nameof(LocalRun_WithInjectedFaults_StillEnrichesAndPublishesEveryValidRemittanceExactlyOnce),
            faults: HeavyFaults);

        Assert.NotEmpty(report.FaultsInjected);
        Assert.Equal(0, report.Totals.DeadLettered);
        // Half of all enrich calls fail: some runs exhaust their in-workflow retries and only the sweeper saves them.
        Assert.True(report.Totals.ReDriven > 0, "expected the sweeper to re-drive at least one failed run");
        Assert.Equal(0, report.Totals.OnRetryIndex);
        Assert.Equal(0, report.Totals.OnFailedIndex);
        Assert.All(report.Remittances, r =>
        {
            Assert.Equal("ENRICHED", r.Status);
            Assert.Equal(1, r.Published);
            Assert.Equal("NOTIFIED", r.NotificationStatus);
            Assert.Equal(1, r.NotificationsSent);
        });
        Assert.Equal(report.Totals.Accepted, report.Totals.EnrichedPublished);
        Assert.Contains(report.Remittances, r => r.Attempt > 1);
    }

    [Fact]
    public async Task LocalRun_WithTheSameFaultsAndSeed_InjectsTheSameFaults_AndEndsTheSameWay()
    {
        // Both at concurrency 1, the setting that promises a repeatable run (at more, which of two messages with one
        // request ID is stored first is a race, as on SQS). The two services still run side by side, so their work
        // interleaves differently from run to run; the fault draws must not depend on that.
        var first = await RunSamplesAsync(nameof(LocalRun_WithTheSameFaultsAndSeed_InjectsTheSameFaults_AndEndsTheSameWay) + "-a", faults: HeavyFaults);
        var second = await RunSamplesAsync(nameof(LocalRun_WithTheSameFaultsAndSeed_InjectsTheSameFaults_AndEndsTheSameWay) + "-b", faults: HeavyFaults);

        Assert.Equal(first.FaultsInjected, second.FaultsInjected);
        Assert.Equal(first.Remittances.Select(r => (r.RequestId, r.Status, r.Attempt)), second.Remittances.Select(r => (r.RequestId, r.Status, r.Attempt)));
        Assert.Equal(first.Totals.ReDriven, second.Totals.ReDriven);
    }

    private static List<string> RejectionCodes(LocalRunReport report, string source)
    {
        var delivery = Delivery(report, source);
        Assert.Equal("REJECTED", delivery.Outcome);
        return [.. Assert.Single(report.Rejections, r => r.Key == delivery.Key).Reasons.Select(r => r.Code)];
    }
}
