using Remittance.Aws.StepFunctions;
using Remittance.Domain;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.IntegrationTests.Tracking;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;

namespace Remittance.IntegrationTests.Sweeping;

/// <summary>
/// Step Functions refusing a start or a redrive for a lasting reason (not throttling): the refusal is recorded on the
/// item as the failure of the run it claimed, against DynamoDB Local's real indexes.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class SweeperRefusalTests(DynamoDbLocalFixture fixture)
{
    [Fact]
    public async Task Sweep_WhenStepFunctionsRefusesTheStart_RecordsTheRefusalOnTheItem_AndTheNextSweepStartsTheAttemptAfter()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_WhenStepFunctionsRefusesTheStart_RecordsTheRefusalOnTheItem_AndTheNextSweepStartsTheAttemptAfter));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-refused"));
        bed.StepFunctions.RefuseStart = request => new StateMachineDoesNotExistException($"State Machine Does Not Exist: '{request.StateMachineArn}'");

        var refused = await bed.SweepAsync();

        var second = ExecutionName.For("req-refused", 2);
        var error = Assert.Single(refused.Errors);
        Assert.Equal(new SweepError("req-refused",
            $"StartExecution refused (StateMachineDoesNotExist: State Machine Does Not Exist: '{PipelineHarness.StateMachineArn}'); " +
            "recorded on the item: RecordedForRetry", LeftClaimed: false), error);
        Assert.Empty(refused.Actions);
        Assert.Equal(new ReDrivenCounts(0, 0), refused.ReDriven);
        Assert.False(bed.StepFunctions.Exists(second));
        var item = await bed.ItemAsync("req-refused");
        Assert.Equal(("FAILED", 2, second, 4L), (item.Status, item.Attempt, item.ExecutionName, item.Version));
        Assert.Equal(new("StateMachineDoesNotExist", second, 0), item.LastFailure);
        Assert.Equal(["retry"], await bed.IndexesOfAsync("req-refused"));

        bed.StepFunctions.RefuseStart = _ => null;
        var next = await bed.SweepAsync();

        var third = ExecutionName.For("req-refused", 3);
        Assert.Equal(new SweepAction("req-refused", SweepActionKind.Start, third, 3), Assert.Single(next.Actions));
        Assert.True(bed.StepFunctions.Exists(third));
        Assert.Equal(["running"], await bed.IndexesOfAsync("req-refused"));
    }

    [Fact]
    public async Task Sweep_WhenStepFunctionsRefusesTheRedrive_RecordsItAsTheExecutionsNextFailure_AndAtTheThresholdOnTheFailedIndex()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture,
            nameof(Sweep_WhenStepFunctionsRefusesTheRedrive_RecordsItAsTheExecutionsNextFailure_AndAtTheThresholdOnTheFailedIndex), retryThreshold: 2);
        var name = await bed.ReceiveAndStartAsync("req-no-redrive");
        await bed.FailAndDeliverAsync(name, "Lambda.ServiceException", redrivable: true);
        bed.StepFunctions.RefuseRedrive = _ => new ValidationException("Execution history is too large to redrive.");

        var refused = await bed.SweepAsync();

        Assert.Equal(new SweepError("req-no-redrive",
            "RedriveExecution refused (ValidationException: Execution history is too large to redrive.); recorded on the item: RecordedAsFailed",
            LeftClaimed: false), Assert.Single(refused.Errors));
        Assert.Empty(refused.Actions);
        Assert.Equal(1, bed.StepFunctions.RedriveCalls);
        Assert.Equal(0, bed.StepFunctions.Redrives);
        var item = await bed.ItemAsync("req-no-redrive");
        Assert.Equal(("FAILED", 2, name, 4L), (item.Status, item.Attempt, item.ExecutionName, item.Version));
        Assert.Equal(new("ValidationException", name, 1), item.LastFailure);
        Assert.Equal(["failed"], await bed.IndexesOfAsync("req-no-redrive"));

        // The execution's own failure, delivered late, is older than the recorded refusal: nothing changes.
        Assert.Equal(FailureOutcome.AlreadyRecorded, (await bed.DeliverAsync(name)).Failure);
        Assert.Equal(4L, (await bed.ItemAsync("req-no-redrive")).Version);
    }
}
