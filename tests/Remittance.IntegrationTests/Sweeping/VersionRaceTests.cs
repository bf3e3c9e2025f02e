using Remittance.Domain;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.IntegrationTests.Tracking;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;

namespace Remittance.IntegrationTests.Sweeping;

/// <summary>
/// The sweeper and a late status event writing the same item at the same moment. Each race is provoked
/// deterministically: one writer's UpdateItem is held at the HTTP boundary until the other writer has written.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class VersionRaceTests(DynamoDbLocalFixture fixture)
{
    [Fact]
    public async Task Race_StatusEventAndStuckPassRecordingTheSameFailure_RecordItOnce()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Race_StatusEventAndStuckPassRecordingTheSameFailure_RecordItOnce));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-r1"));
        await bed.SweepAsync();
        var second = ExecutionName.For("req-r1", 2);
        bed.StepFunctions.Fail(second, "InvoiceNotFoundError", redrivable: false);
        var claimed = await bed.ItemAsync("req-r1");
        SweepSummary? sweep = null;
        // The status event has read the item; before it writes, the sweeper's stuck pass records the same failure.
        using var interleaving = new InterleavingHandler(_ => true,
            async () => sweep = await bed.SweepAsync(new SweepRequest { StuckAfterMinutes = 0 }));
        using var racing = TrackingTestbed.RacingClient(fixture, interleaving);

        var late = await bed.DeliverAsync(second, dynamoDb: racing);

        Assert.True(interleaving.Interleaved);
        Assert.Equal(SweepActionKind.RecordFailure, Assert.Single(sweep!.Actions).Action);
        Assert.Equal(FailureOutcome.AlreadyRecorded, late.Failure);
        var item = await bed.ItemAsync("req-r1");
        Assert.Equal(claimed.Version + 1, item.Version);
        Assert.Equal(("FAILED", 2, second), (item.Status, item.Attempt, item.ExecutionName));
        Assert.Equal((second, "InvoiceNotFoundError"), (item.LastFailure!.ExecutionName, item.LastFailure.Error));
        Assert.Equal(["retry"], await bed.IndexesOfAsync("req-r1"));
    }

    [Fact]
    public async Task Race_SweeperClaimLosingToALateStatusEvent_SkipsTheItemAndKeepsTheEventsUpdate()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Race_SweeperClaimLosingToALateStatusEvent_SkipsTheItemAndKeepsTheEventsUpdate));
        var name = await bed.ReceiveAndStartAsync("req-r2");
        await bed.FailAndDeliverAsync(name, "Lambda.ServiceException", redrivable: true);
        // Someone redrives it from the console and it fails again; that failure's event is still on its way.
        await bed.StepFunctions.RedriveExecutionAsync(new() { ExecutionArn = ScriptedStepFunctions.ArnOf(name), ClientToken = "console" });
        bed.StepFunctions.Fail(name, "Lambda.ServiceException", redrivable: true);
        StatusOutcome? late = null;
        using var interleaving = new InterleavingHandler(_ => true, async () => late = await bed.DeliverAsync(name));
        using var racing = TrackingTestbed.RacingClient(fixture, interleaving);

        var summary = await bed.Sweeper(dynamoDb: racing).SweepAsync(new SweepRequest(), CancellationToken.None);

        Assert.True(interleaving.Interleaved);
        Assert.Equal(FailureOutcome.RecordedForRetry, late!.Failure);
        Assert.Empty(summary.Actions);
        Assert.Equal("claimed by another sweeper, or changed since it was read", Assert.Single(summary.Skipped).Reason);
        Assert.Equal(1, bed.StepFunctions.Redrives);
        var item = await bed.ItemAsync("req-r2");
        Assert.Equal((3L, 1, "FAILED"), (item.Version, item.Attempt, item.Status));
        Assert.Equal(1, item.LastFailure!.RedriveCount);
        Assert.Equal(["retry"], await bed.IndexesOfAsync("req-r2"));

        var next = await bed.SweepAsync();

        Assert.Equal(new SweepAction("req-r2", SweepActionKind.Redrive, name, 2), Assert.Single(next.Actions));
        Assert.Equal(2, bed.StepFunctions.Redrives);
    }

    [Fact]
    public async Task Race_LateStatusEventLosingToTheSweepersClaim_DecidesAgainOnTheClaimedItem()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Race_LateStatusEventLosingToTheSweepersClaim_DecidesAgainOnTheClaimedItem));
        var name = await bed.ReceiveAndStartAsync("req-r3");
        await bed.FailAndDeliverAsync(name, "Lambda.ServiceException", redrivable: true);
        await bed.StepFunctions.RedriveExecutionAsync(new() { ExecutionArn = ScriptedStepFunctions.ArnOf(name), ClientToken = "console" });
        bed.StepFunctions.Fail(name, "Lambda.ServiceException", redrivable: true);
        var lateEvent = await StatusEvents.ForAsync(bed.StepFunctions, ScriptedStepFunctions.ArnOf(name));
        SweepSummary? sweep = null;
        // The late event has read the item; before it writes, a sweep claims the item and redrives the execution.
        using var interleaving = new InterleavingHandler(_ => true, async () => sweep = await bed.SweepAsync());
        using var racing = TrackingTestbed.RacingClient(fixture, interleaving);

        var late = await bed.HandleAsync(lateEvent, racing);

        Assert.True(interleaving.Interleaved);
        Assert.Equal(SweepActionKind.Redrive, Assert.Single(sweep!.Actions).Action);
        // The claim kept the failure it redrove as the last error, so the event is recognised, not counted again.
        Assert.Equal(FailureOutcome.AlreadyRecorded, late.Failure);
        var item = await bed.ItemAsync("req-r3");
        Assert.Equal(("RUNNING", 2, 3L), (item.Status, item.Attempt, item.Version));
        Assert.Equal((name, 1), (item.LastFailure!.ExecutionName, item.LastFailure.RedriveCount));
        Assert.Equal(["running"], await bed.IndexesOfAsync("req-r3"));
    }
}
