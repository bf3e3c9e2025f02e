using Amazon.DynamoDBv2.Model;
using Remittance.Cost;
using Remittance.Cost.MeteredRun;
using Remittance.Cost.Metering;
using Remittance.Cost.Pricing;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.Input;
using Remittance.Pipeline.Storage;

namespace Remittance.IntegrationTests.Cost;

/// <summary>
/// The metered pipeline on the samples, end to end on DynamoDB Local. The counts asserted here are facts of the
/// design (one insert per remittance per service, no index entry on the happy path, three states per run…): a change
/// that adds a write, a state or an invocation fails here and has to say so.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class CostPipelineTests(DynamoDbLocalFixture fixture)
{
    private static readonly IReadOnlyList<InputMessage> s_remittances =
        CostInput.Remittances(MessageSource.Read(RepositoryRoot.Combine("samples", "partner-messages")));

    private Task<CostMeasurement> MeasureAsync(CostScenario scenario, string testName) => CostPipeline.MeasureAsync(
        new CostRunSettings(fixture.ServiceUrl, RepositoryRoot.Combine("samples", "invoices.jsonl"), RepositoryRoot.Combine("samples", "notifications")),
        s_remittances, scenario, fixture.NewTablePrefix(testName), CancellationToken.None);

    [Fact]
    public void Input_IsTheValidSamplesOncePerRequestId()
    {
        Assert.True(s_remittances.Count >= 10);
        Assert.DoesNotContain(s_remittances, m => m.Source is "020-duplicate-of-001.json" or "021-conflict-with-001.json" or "040-oversized.json");
        Assert.Contains(s_remittances, m => m.Source.StartsWith("batch.jsonl:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HappyPath_CostsWhatTheDesignSays()
    {
        var m = await MeasureAsync(CostScenario.HappyPath, nameof(HappyPath_CostsWhatTheDesignSays));
        var n = m.Remittances;
        var calls = m.Ledger.DynamoDbCalls.Where(c => !m.Ledger.IsScheduled(c.Site)).ToList();

        foreach (var service in (string[])["enrichment", "notification"])
        {
            var mine = calls.Where(c => c.Site?.Service == service).ToList();
            // Exactly one insert per remittance, by ingest; exactly one update, the workflow's success record.
            Assert.Equal(n, mine.Count(c => c.Operation == "PutItem" && c.Succeeded && c.Site!.Function == MeteredFunction.Ingest));
            Assert.Equal(n, mine.Count(c => c.Operation == "UpdateItem" && c.Succeeded && c.Site!.Function == MeteredFunction.StateMachine));
            Assert.Equal(2 * n, mine.Count(c => c.Writes.Count > 0));
            // The stream function writes nothing, and no item ever enters a sparse index.
            Assert.DoesNotContain(mine, c => c.Site!.Function == MeteredFunction.Stream);
            Assert.All(mine, c => Assert.Equal(0, c.IndexWriteUnits));
            // Enrichment: two states per run (its function publishes); notification: three (sending is a state of its own).
            // One workflow invocation, one publish.
            StateKind[] states = service == "enrichment" ? [StateKind.Lambda, StateKind.Record] : [StateKind.Lambda, StateKind.Publish, StateKind.Record];
            var transitions = m.Ledger.Transitions.Where(t => t.Run.Service == service).ToList();
            Assert.Equal(states.Length * n, transitions.Count);
            Assert.All(transitions.GroupBy(t => t.ExecutionName), run => Assert.Equal(states, run.Select(t => t.Kind)));
            Assert.Equal(n, m.Ledger.Invocations.Count(i => i.Site.Service == service && i.Site.Function == MeteredFunction.Workflow));
            Assert.Equal(n, m.Ledger.Publications.Count(p => p.Service == service));
            Assert.DoesNotContain(m.Ledger.Invocations, i => i.Site.Service == service && i.Site.Function == MeteredFunction.Status);
        }

        // Enrichment reads its invoices (one BatchGetItem per remittance, eventually consistent); nothing else reads.
        Assert.Equal(n, calls.Count(c => c.Operation == "BatchGetItem"));
        Assert.All(calls.Where(c => c.ReadUnits > 0), c => Assert.Equal("BatchGetItem", c.Operation));
        Assert.DoesNotContain(m.Ledger.DynamoDbCalls, c => c.Unpriced);
        Assert.Equal(2 * n, m.Ledger.StepFunctionsCalls.Values.Sum());
        Assert.Equal(1, m.Sweeps);
        await AssertTheMeterSawEveryItemAsItIsAsync(m);
    }

    [Fact]
    public async Task OneRedrive_AddsTheFailureRecordTheClaimAndTheRedrive()
    {
        var m = await MeasureAsync(CostScenario.OneRedrive, nameof(OneRedrive_AddsTheFailureRecordTheClaimAndTheRedrive));
        var n = m.Remittances;
        var enrichment = m.Ledger.DynamoDbCalls.Where(c => c.Site?.Service == "enrichment" && !m.Ledger.IsScheduled(c.Site)).ToList();

        // Status function: a consistent read and the failure record, which puts the item on retry-index.
        Assert.Equal(n, m.Ledger.Invocations.Count(i => i.Site.Service == "enrichment" && i.Site.Function == MeteredFunction.Status));
        var failures = enrichment.Where(c => c.Site!.Function == MeteredFunction.Status && c.Operation == "UpdateItem").ToList();
        Assert.Equal(n, failures.Count);
        Assert.All(failures, c => Assert.Equal([(IndexChangeKind.Added, "retry-index")], c.Writes.Single().IndexChanges.Select(i => (i.Kind, i.IndexName))));
        // Sweeper: the claim moves it from retry-index to running-index; the success record takes it off again.
        var claims = enrichment.Where(c => c.Site!.Function == MeteredFunction.Sweeper && c.Operation == "UpdateItem").ToList();
        Assert.Equal(n, claims.Count);
        Assert.All(claims, c => Assert.Equal(2, c.IndexWriteUnits));
        Assert.All(enrichment.Where(c => c.Site!.Function == MeteredFunction.StateMachine), c => Assert.Equal(1, c.IndexWriteUnits));
        Assert.Equal(4 * n, enrichment.Sum(c => c.IndexWriteUnits));
        // The failed run entered one state; the redrive resumed there and ran both.
        Assert.Equal(3 * n, m.Ledger.Transitions.Count(t => t.Run.Service == "enrichment"));
        Assert.Equal(n, m.Ledger.StepFunctionsCalls["enrichment:RedriveExecution"]);
        Assert.Equal(n, m.Ledger.Publications.Count(p => p.Service == "enrichment"));
        // The notification service is untouched by it.
        Assert.Equal(3 * n, m.Ledger.Transitions.Count(t => t.Run.Service == "notification"));
        Assert.Equal(0, m.Ledger.DynamoDbCalls.Where(c => c.Site?.Service == "notification").Sum(c => c.IndexWriteUnits));
        await AssertTheMeterSawEveryItemAsItIsAsync(m);
    }

    [Fact]
    public async Task Model_PricesTheSeedWithTheRunningIndexAndALambdaPerStep()
    {
        var happy = await MeasureAsync(CostScenario.HappyPath, nameof(Model_PricesTheSeedWithTheRunningIndexAndALambdaPerStep) + "-happy");
        var redrive = await MeasureAsync(CostScenario.OneRedrive, nameof(Model_PricesTheSeedWithTheRunningIndexAndALambdaPerStep) + "-redrive");

        var report = CostModel.Build("samples", happy, redrive, UnitPrices.UsEast1, LambdaMemory.Deployed, 42_000_000, 15);

        var ours = report.Design(CostReport.Ours, CostReport.HappyPath).PerRemittance;
        var seed = report.Design(CostReport.Seed, CostReport.HappyPath).PerRemittance;
        Assert.Equal((5m, 2m, 0m), (ours.StateTransitions, Math.Round(ours.LambdaInvocations - Invocations(report, "ingest", "stream"), 6), ours.IndexEntryChanges));
        // Seed: 5 + 4 states, a Lambda for each, and the running-index entry added and removed in each service.
        Assert.Equal((9m, 9m, 4m), (seed.StateTransitions, Math.Round(seed.LambdaInvocations - Invocations(report, "ingest", "stream"), 6), seed.IndexEntryChanges));
        Assert.Equal(ours.DynamoDbRequests + 2, seed.DynamoDbRequests);
        Assert.True(seed.WriteUnits >= ours.WriteUnits + 2);
        var oursRedrive = report.Design(CostReport.Ours, CostReport.OneRedrive).PerRemittance;
        var seedRedrive = report.Design(CostReport.Seed, CostReport.OneRedrive).PerRemittance;
        Assert.Equal((6m, 4m), (oursRedrive.StateTransitions, oursRedrive.IndexEntryChanges));
        Assert.Equal((11m, 8m), (seedRedrive.StateTransitions, seedRedrive.IndexEntryChanges));
        Assert.InRange(report.HappyPathRatio, 0.45m, 0.6m);
        Assert.True(report.HappyPathRatioIfSeedNotificationValidates < report.HappyPathRatio);
        Assert.True(report.Schedule.PerMonth > 0);
        Assert.Equal(report.Design(CostReport.Ours, CostReport.HappyPath).PerMillion.Total * 42m,
            report.Design(CostReport.Ours, CostReport.HappyPath).PerMonth);
    }

    private static decimal Invocations(CostReport report, params string[] functions) =>
        report.Design(CostReport.Ours, CostReport.HappyPath).Lambda.Where(l => functions.Contains(l.Function)).Sum(l => l.InvocationsPerRemittance);

    // The meter prices writes from its own picture of each item; it must be the item DynamoDB holds.
    private async Task AssertTheMeterSawEveryItemAsItIsAsync(CostMeasurement m)
    {
        foreach (var shape in m.Tables.Values)
        {
            var items = (await fixture.Client.ScanAsync(new ScanRequest { TableName = shape.TableName, ConsistentRead = true })).Items;
            Assert.Equal(m.Remittances, items.Count);
            foreach (var item in items)
            {
                var seen = m.Meter.Item(shape.TableName, new Dictionary<string, AttributeValue> { ["requestId"] = item["requestId"] });
                Assert.NotNull(seen);
                Assert.Equal(ItemSize.Of(item), ItemSize.Of(seen));
                Assert.Equal(item.Keys.Order(), seen.Keys.Order());
            }
        }
    }
}
