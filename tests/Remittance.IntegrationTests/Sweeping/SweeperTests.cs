using System.Text.Json.Nodes;
using Remittance.Domain;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.IntegrationTests.Tracking;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;

namespace Remittance.IntegrationTests.Sweeping;

/// <summary>The sweeper against DynamoDB Local's real sparse GSIs, with scripted Step Functions.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class SweeperTests(DynamoDbLocalFixture fixture)
{
    [Fact]
    public async Task Sweep_StartsTheNextAttemptUnderItsPregeneratedName_AndSuccessLeavesEveryIndex()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_StartsTheNextAttemptUnderItsPregeneratedName_AndSuccessLeavesEveryIndex));
        var first = await bed.ReceiveAndStartAsync("req-1");
        await bed.FailAndDeliverAsync(first, redrivable: false);

        var summary = await bed.SweepAsync();

        var second = ExecutionName.For("req-1", 2);
        Assert.Equal(1, summary.Examined);
        Assert.Equal(new ReDrivenCounts(0, 1), summary.ReDriven);
        Assert.Equal(new SweepAction("req-1", SweepActionKind.Start, second, 2), Assert.Single(summary.Actions));
        Assert.Empty(summary.Errors);
        var item = await bed.ItemAsync("req-1");
        Assert.Equal(("RUNNING", 2, second, 3L), (item.Status, item.Attempt, item.ExecutionName, item.Version));
        Assert.Equal(["running"], await bed.IndexesOfAsync("req-1"));
        var execution = Assert.Single(bed.StepFunctions.Local.Executions, e => e.Name == second);
        var input = JsonNode.Parse(execution.Input)!;
        Assert.Equal("req-1", (string?)input["requestId"]);
        Assert.Equal(second, (string?)input["executionName"]);
        Assert.Equal(2, (int?)input["attempt"]);
        Assert.Equal("1250.75", (string?)input["message"]!["amount"]);

        await bed.RecordSuccessAsync("req-1", second);

        Assert.Empty(await bed.IndexesOfAsync("req-1"));
        var done = (await bed.Harness.GetItemAsync("req-1"))!;
        Assert.Equal("ENRICHED", done[ItemAttributes.Status].S);
        foreach (var index in RemittanceTableSchema.SparseIndexes)
        {
            Assert.False(done.ContainsKey(index.KeyAttribute), $"{index.KeyAttribute} must be gone after success");
        }

        Assert.Equal(new ReDrivenCounts(0, 0), (await bed.SweepAsync(new SweepRequest { StuckAfterMinutes = 0 })).ReDriven);
    }

    [Fact]
    public async Task Sweep_WhenTheFailedExecutionIsRedrivable_RedrivesItRatherThanStartingAnother()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_WhenTheFailedExecutionIsRedrivable_RedrivesItRatherThanStartingAnother));
        var name = await bed.ReceiveAndStartAsync("req-redrive");
        await bed.FailAndDeliverAsync(name, "Lambda.ServiceException", redrivable: true);

        var summary = await bed.SweepAsync();

        Assert.Equal(new ReDrivenCounts(1, 0), summary.ReDriven);
        Assert.Equal(new SweepAction("req-redrive", SweepActionKind.Redrive, name, 2), Assert.Single(summary.Actions));
        Assert.Equal(1, bed.StepFunctions.Redrives);
        Assert.Single(bed.StepFunctions.Local.Executions);
        var item = await bed.ItemAsync("req-redrive");
        Assert.Equal(("RUNNING", 2, name), (item.Status, item.Attempt, item.ExecutionName));
        Assert.Equal(["running"], await bed.IndexesOfAsync("req-redrive"));

        // The redriven run fails again: same execution, next redrive count, so it is a new failure, not a duplicate.
        var again = await bed.FailAndDeliverAsync(name, "Lambda.ServiceException", redrivable: true);

        Assert.Equal(FailureOutcome.RecordedForRetry, again.Failure);
        Assert.Equal(1, (await bed.ItemAsync("req-redrive")).LastFailure!.RedriveCount);
        Assert.Equal(["retry"], await bed.IndexesOfAsync("req-redrive"));
    }

    [Fact]
    public async Task Sweep_WhenTheErrorEndedInAFailState_StartsANewExecutionRatherThanRedriving()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_WhenTheErrorEndedInAFailState_StartsANewExecutionRatherThanRedriving));
        var name = await bed.ReceiveAndStartAsync("req-caught");
        await bed.FailAndDeliverAsync(name, "InvoiceNotFoundError", redrivable: true);

        var summary = await bed.SweepAsync(settings: TrackingTestbed.FastSettings with
        {
            NewExecutionErrors = new HashSet<string>(["InvoiceNotFoundError"], StringComparer.Ordinal),
        });

        Assert.Equal(new ReDrivenCounts(0, 1), summary.ReDriven);
        Assert.Equal(0, bed.StepFunctions.RedriveCalls);
        Assert.True(bed.StepFunctions.Exists(ExecutionName.For("req-caught", 2)));
    }

    [Fact]
    public async Task Sweep_AfterTheThreshold_LeavesItOnTheFailedIndex_AndIncludeFailedBringsItBack()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_AfterTheThreshold_LeavesItOnTheFailedIndex_AndIncludeFailedBringsItBack), retryThreshold: 2);
        var first = await bed.ReceiveAndStartAsync("req-t");
        Assert.Equal(FailureOutcome.RecordedForRetry, (await bed.FailAndDeliverAsync(first)).Failure);
        await bed.SweepAsync();
        Assert.Equal(FailureOutcome.RecordedAsFailed, (await bed.FailAndDeliverAsync(ExecutionName.For("req-t", 2))).Failure);

        Assert.Equal(["failed"], await bed.IndexesOfAsync("req-t"));
        var ordinary = await bed.SweepAsync(new SweepRequest { StuckAfterMinutes = 0 });
        Assert.Equal(0, ordinary.Examined);
        Assert.Equal(["failed"], await bed.IndexesOfAsync("req-t"));

        var asked = await bed.SweepAsync(new SweepRequest { IncludeFailed = true });

        var third = ExecutionName.For("req-t", 3);
        Assert.Equal(new SweepAction("req-t", SweepActionKind.Start, third, 3), Assert.Single(asked.Actions));
        Assert.True(bed.StepFunctions.Exists(third));
        Assert.Equal(["running"], await bed.IndexesOfAsync("req-t"));
        await bed.RecordSuccessAsync("req-t", third);
        Assert.Empty(await bed.IndexesOfAsync("req-t"));
    }

    [Fact]
    public async Task Sweep_TwoSweepersAtOnce_ReDriveEachItemExactlyOnce()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_TwoSweepersAtOnce_ReDriveEachItemExactlyOnce));
        var ids = Enumerable.Range(1, 8).Select(i => $"req-c{i}").ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i)))
        {
            await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync(id), redrivable: i % 2 == 0);
        }

        var startsBefore = bed.StepFunctions.StartCalls;

        var summaries = await Task.WhenAll(bed.Sweeper().SweepAsync(new SweepRequest(), CancellationToken.None),
            bed.Sweeper().SweepAsync(new SweepRequest(), CancellationToken.None));

        Assert.Equal(4, summaries.Sum(s => s.ReDriven.Redriven));
        Assert.Equal(4, summaries.Sum(s => s.ReDriven.Started));
        Assert.Empty(summaries.SelectMany(s => s.Errors));
        Assert.Equal(4, bed.StepFunctions.StartCalls - startsBefore);
        Assert.Equal(4, bed.StepFunctions.RedriveCalls);
        foreach (var id in ids)
        {
            var item = await bed.ItemAsync(id);
            Assert.Equal((2, 3L), (item.Attempt, item.Version));
            Assert.Equal(1, summaries.Sum(s => s.Actions.Count(a => a.RequestId == id)));
        }

        Assert.Equal(ids, await bed.OnIndexAsync(RemittanceTableSchema.RunningIndex));
    }

    [Fact]
    public async Task Sweep_DryRun_ChangesNothingAndSaysWhatItWouldDo()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_DryRun_ChangesNothingAndSaysWhatItWouldDo));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-d1"), redrivable: true);
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-d2"), redrivable: false);
        var starts = bed.StepFunctions.StartCalls;

        var summary = await bed.SweepAsync(new SweepRequest { DryRun = true, IncludeFailed = true, StuckAfterMinutes = 0 });

        Assert.True(summary.DryRun);
        Assert.Equal(new ReDrivenCounts(1, 1), summary.ReDriven);
        Assert.Equal([SweepActionKind.Redrive, SweepActionKind.Start], summary.Actions.Select(a => a.Action));
        Assert.Equal(ExecutionName.For("req-d2", 2), summary.Actions[1].ExecutionName);
        Assert.Equal(starts, bed.StepFunctions.StartCalls);
        Assert.Equal(0, bed.StepFunctions.RedriveCalls);
        Assert.Equal(["req-d1", "req-d2"], await bed.OnIndexAsync(RemittanceTableSchema.RetryIndex));
        Assert.Equal((2L, 1), ((await bed.ItemAsync("req-d1")).Version, (await bed.ItemAsync("req-d1")).Attempt));
        Assert.Equal(2L, (await bed.ItemAsync("req-d2")).Version);
    }

    [Fact]
    public async Task Sweep_WithRequestIds_ExaminesOnlyThose()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_WithRequestIds_ExaminesOnlyThose));
        foreach (var id in new[] { "req-a", "req-b", "req-c" })
        {
            await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync(id));
        }

        var summary = await bed.SweepAsync(new SweepRequest { RequestIds = ["req-b", "req-missing", "req-b"] });

        Assert.Equal(2, summary.Examined);
        Assert.Equal("req-b", Assert.Single(summary.Actions).RequestId);
        Assert.Equal(new SkippedItem("req-missing", "no remittance item has this request ID"), Assert.Single(summary.Skipped));
        Assert.Equal(["req-a", "req-c"], await bed.OnIndexAsync(RemittanceTableSchema.RetryIndex));
    }

    [Fact]
    public async Task Sweep_WithMaxItems_StopsThereAndSaysSo()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_WithMaxItems_StopsThereAndSaysSo));
        foreach (var id in new[] { "req-m1", "req-m2", "req-m3" })
        {
            await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync(id));
        }

        var summary = await bed.SweepAsync(new SweepRequest { MaxItems = 2 });

        Assert.Equal(2, summary.Examined);
        Assert.Equal(2, summary.ReDriven.Started);
        Assert.True(summary.Truncated);
        Assert.Contains("maxItems", summary.Note, StringComparison.Ordinal);
        Assert.Single(await bed.OnIndexAsync(RemittanceTableSchema.RetryIndex));
    }

    [Fact]
    public async Task Sweep_WhenStartIsThrottled_BacksOffAndThenStarts()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_WhenStartIsThrottled_BacksOffAndThenStarts));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-slow"));
        var throttled = 0;
        bed.StepFunctions.ThrottleStart = _ => Interlocked.Increment(ref throttled) <= 2;

        var summary = await bed.SweepAsync();

        Assert.Equal(2, bed.StepFunctions.ThrottledStarts);
        Assert.Equal(new ReDrivenCounts(0, 1), summary.ReDriven);
        Assert.Empty(summary.Errors);
        Assert.True(bed.StepFunctions.Exists(ExecutionName.For("req-slow", 2)));
    }

    [Fact]
    public async Task Sweep_WhenThrottlingOutlastsTheRetries_ReportsTheItemLeftClaimed_AndTheStuckPassStartsItLater()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_WhenThrottlingOutlastsTheRetries_ReportsTheItemLeftClaimed_AndTheStuckPassStartsItLater));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-busy"));
        bed.StepFunctions.ThrottleStart = _ => true;

        var throttledOut = await bed.SweepAsync(settings: TrackingTestbed.FastSettings with { MaxThrottleRetries = 2 });

        var error = Assert.Single(throttledOut.Errors);
        Assert.Equal("req-busy", error.RequestId);
        Assert.True(error.LeftClaimed);
        Assert.Contains("still throttled after 2 retries", error.Error, StringComparison.Ordinal);
        Assert.Contains("stuckAfterMinutes", throttledOut.Note, StringComparison.Ordinal);
        Assert.Equal(3, bed.StepFunctions.ThrottledStarts);
        var name = ExecutionName.For("req-busy", 2);
        Assert.False(bed.StepFunctions.Exists(name));
        var claimed = await bed.ItemAsync("req-busy");
        Assert.Equal(("RUNNING", 2, name), (claimed.Status, claimed.Attempt, claimed.ExecutionName));
        Assert.Equal(["running"], await bed.IndexesOfAsync("req-busy"));

        bed.StepFunctions.ThrottleStart = _ => false;
        var notYet = await bed.SweepAsync(new SweepRequest { StuckAfterMinutes = 60 });
        var stuck = await bed.SweepAsync(new SweepRequest { StuckAfterMinutes = 0 });

        Assert.Contains("not stuck yet", Assert.Single(notYet.Skipped).Reason, StringComparison.Ordinal);
        var resumed = Assert.Single(stuck.Actions);
        Assert.Equal((SweepActionKind.Start, name, 2), (resumed.Action, resumed.ExecutionName, resumed.Attempt));
        Assert.True(bed.StepFunctions.Exists(name));
        Assert.Equal(claimed.Version, (await bed.ItemAsync("req-busy")).Version);
    }

    [Fact]
    public async Task Sweep_StuckPass_RecordsAFailureNobodyReported_AndLeavesRunningRunsAlone()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_StuckPass_RecordsAFailureNobodyReported_AndLeavesRunningRunsAlone));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-lost"));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-busy"));
        await bed.SweepAsync();
        // The re-driven run of req-lost times out and its status event never arrives; req-busy's is still running.
        bed.StepFunctions.Fail(ExecutionName.For("req-lost", 2), "States.Timeout", "timed out", redrivable: false, status: "TIMED_OUT");

        var summary = await bed.SweepAsync(new SweepRequest { StuckAfterMinutes = 0 });

        var recorded = Assert.Single(summary.Actions);
        Assert.Equal(("req-lost", SweepActionKind.RecordFailure), (recorded.RequestId, recorded.Action));
        Assert.Equal(("req-busy", "its execution " + ExecutionName.For("req-busy", 2) + " is still RUNNING"),
            (Assert.Single(summary.Skipped).RequestId, summary.Skipped[0].Reason));
        var lost = await bed.ItemAsync("req-lost");
        Assert.Equal(("FAILED", "States.Timeout", ExecutionName.For("req-lost", 2)), (lost.Status, lost.LastFailure!.Error, lost.LastFailure.ExecutionName));
        Assert.Equal(["retry"], await bed.IndexesOfAsync("req-lost"));
        Assert.Equal(["running"], await bed.IndexesOfAsync("req-busy"));

        var next = await bed.SweepAsync();

        Assert.Equal(new SweepAction("req-lost", SweepActionKind.Start, ExecutionName.For("req-lost", 3), 3), Assert.Single(next.Actions));
    }

    [Fact]
    public async Task Sweep_StuckPass_ResumesAClaimedRedriveThatNeverReachedStepFunctions()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_StuckPass_ResumesAClaimedRedriveThatNeverReachedStepFunctions));
        var name = await bed.ReceiveAndStartAsync("req-crash");
        await bed.FailAndDeliverAsync(name, "Lambda.ServiceException", redrivable: true);
        // A sweeper claimed the item for a redrive and stopped before calling RedriveExecution.
        var item = await bed.ItemAsync("req-crash");
        var execution = await bed.StepFunctions.DescribeExecutionAsync(new() { ExecutionArn = ScriptedStepFunctions.ArnOf(name) });
        Assert.NotNull(await bed.Table().ClaimAsync(item, 2, name,
            new ExecutionFailure("req-crash", name, execution.Error!, execution.Cause!, execution.RedriveCount ?? 0), CancellationToken.None));
        var late = await bed.DeliverAsync(name);

        var summary = await bed.SweepAsync(new SweepRequest { StuckAfterMinutes = 0 });

        Assert.Equal(FailureOutcome.AlreadyRecorded, late.Failure);
        var resumed = Assert.Single(summary.Actions);
        Assert.Equal((SweepActionKind.Redrive, name, 2), (resumed.Action, resumed.ExecutionName, resumed.Attempt));
        Assert.Equal(1, bed.StepFunctions.Redrives);
        Assert.Equal(["running"], await bed.IndexesOfAsync("req-crash"));
    }
}
