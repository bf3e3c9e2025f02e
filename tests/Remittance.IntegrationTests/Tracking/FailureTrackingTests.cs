using Remittance.Local.Faults;
using System.Net;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.DynamoDbLocal;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Tracking;

namespace Remittance.IntegrationTests.Tracking;

/// <summary>Failures recorded on the item from EventBridge status events, against DynamoDB Local's real sparse GSIs.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class FailureTrackingTests(DynamoDbLocalFixture fixture)
{
    [Fact]
    public async Task StatusEvent_WhenRunFails_PutsItemOnTheRetryIndexWithItsLastError()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(StatusEvent_WhenRunFails_PutsItemOnTheRetryIndexWithItsLastError));
        var name = await bed.ReceiveAndStartAsync("req-fail");
        Assert.Empty(await bed.IndexesOfAsync("req-fail"));

        var outcome = await bed.FailAndDeliverAsync(name, "InvoiceNotFoundError");

        Assert.Equal(FailureOutcome.RecordedForRetry, outcome.Failure);
        Assert.Equal("req-fail", outcome.RequestId);
        Assert.Equal(["req-fail"], await bed.OnIndexAsync(RemittanceTableSchema.RetryIndex));
        Assert.Equal(["retry"], await bed.IndexesOfAsync("req-fail"));
        var item = (await bed.Harness.GetItemAsync("req-fail"))!;
        Assert.Equal("FAILED", item[ItemAttributes.Status].S);
        Assert.Equal("2", item[ItemAttributes.VersionId].N);
        Assert.Equal("1", item[ItemAttributes.Attempt].N);
        Assert.Equal(name, item[ItemAttributes.ExecutionName].S);
        var lastError = item[ItemAttributes.LastError].M;
        Assert.Equal("InvoiceNotFoundError", lastError[LastErrorFields.Error].S);
        Assert.Equal("InvoiceNotFoundError: scripted", lastError[LastErrorFields.Cause].S);
        Assert.Equal(name, lastError[LastErrorFields.ExecutionName].S);
        Assert.Equal("0", lastError[LastErrorFields.RedriveCount].N);
    }

    [Fact]
    public async Task StatusEvent_WhenDeliveredTwice_RecordsTheFailureOnce()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(StatusEvent_WhenDeliveredTwice_RecordsTheFailureOnce));
        var name = await bed.ReceiveAndStartAsync("req-twice");

        var first = await bed.FailAndDeliverAsync(name);
        var second = await bed.DeliverAsync(name);

        Assert.Equal(FailureOutcome.RecordedForRetry, first.Failure);
        Assert.Equal(FailureOutcome.AlreadyRecorded, second.Failure);
        var item = await bed.ItemAsync("req-twice");
        Assert.Equal(2, item.Version);
        Assert.Equal(1, item.Attempt);
    }

    [Fact]
    public async Task StatusEvent_WhenTheInputIsLeftOut_FindsTheRequestIdThroughDescribeExecution()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(StatusEvent_WhenTheInputIsLeftOut_FindsTheRequestIdThroughDescribeExecution));
        var name = await bed.ReceiveAndStartAsync("req-large");
        bed.StepFunctions.Fail(name, "States.Timeout", "timed out", redrivable: false, status: "TIMED_OUT");

        var outcome = await bed.DeliverAsync(name, includeInput: false);

        Assert.Equal(FailureOutcome.RecordedForRetry, outcome.Failure);
        Assert.Equal("TIMED_OUT", outcome.Status);
        Assert.Equal(["req-large"], await bed.OnIndexAsync(RemittanceTableSchema.RetryIndex));
    }

    [Fact]
    public async Task StatusEvent_ForSuccessForeignOrSupersededExecutions_RecordsNothing()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(StatusEvent_ForSuccessForeignOrSupersededExecutions_RecordsNothing));
        var name = await bed.ReceiveAndStartAsync("req-quiet");
        var before = await bed.ItemAsync("req-quiet");

        bed.StepFunctions.Succeed(name);
        var succeeded = await bed.DeliverAsync(name);
        var foreign = await bed.HandleAsync(StatusEvents.From(new JsonObject
        {
            ["executionArn"] = ScriptedStepFunctions.ArnOf("someone-elses-run"),
            ["name"] = "someone-elses-run",
            ["status"] = "FAILED",
            ["input"] = """{"orderId": "o-1"}""",
            ["error"] = "Boom",
        }));
        var superseded = await bed.HandleAsync(StatusEvents.From(new JsonObject
        {
            ["executionArn"] = ScriptedStepFunctions.ArnOf("an-older-run"),
            ["name"] = "an-older-run",
            ["status"] = "ABORTED",
            ["input"] = """{"requestId": "req-quiet"}""",
        }));
        var unknown = await bed.HandleAsync(StatusEvents.From(new JsonObject
        {
            ["executionArn"] = ScriptedStepFunctions.ArnOf("a-run"),
            ["name"] = "a-run",
            ["status"] = "FAILED",
            ["input"] = """{"requestId": "req-never-received"}""",
        }));

        Assert.Null(succeeded.Failure);
        Assert.Contains("success is recorded by the workflow", succeeded.IgnoredBecause, StringComparison.Ordinal);
        Assert.Null(foreign.Failure);
        Assert.Contains("no requestId", foreign.IgnoredBecause, StringComparison.Ordinal);
        Assert.Equal(FailureOutcome.Stale, superseded.Failure);
        Assert.Equal(FailureOutcome.NotFound, unknown.Failure);
        Assert.Equal(before.Version, (await bed.ItemAsync("req-quiet")).Version);
        Assert.Empty(await bed.IndexesOfAsync("req-quiet"));
    }

    [Fact]
    public async Task RecordFailure_AtTheRetryThreshold_PutsItemOnTheFailedIndexNotTheRetryIndex()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(RecordFailure_AtTheRetryThreshold_PutsItemOnTheFailedIndexNotTheRetryIndex), retryThreshold: 1);
        var name = await bed.ReceiveAndStartAsync("req-last");

        var outcome = await bed.FailAndDeliverAsync(name);

        Assert.Equal(FailureOutcome.RecordedAsFailed, outcome.Failure);
        Assert.Equal(["req-last"], await bed.OnIndexAsync(RemittanceTableSchema.FailedIndex));
        Assert.Empty(await bed.OnIndexAsync(RemittanceTableSchema.RetryIndex));
        Assert.Equal("req-last", (await bed.Harness.GetItemAsync("req-last"))![ItemAttributes.FailedJob].S);
    }

    [Fact]
    public async Task StatusEvent_WhenDynamoDbThrottles_ThrowsSoEventBridgeRetriesIt()
    {
        using var throttling = new FaultInjectingHttpHandler((target, _) => target.EndsWith(".GetItem", StringComparison.Ordinal),
            HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException");
        var config = DynamoDbLocalClients.CreateConfig(fixture.ServiceUrl);
        config.MaxErrorRetry = 0;
        config.HttpClientFactory = new HandlerHttpClientFactory(throttling);
        using var client = new AmazonDynamoDBClient(DynamoDbLocalClients.Credentials, config);
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(StatusEvent_WhenDynamoDbThrottles_ThrowsSoEventBridgeRetriesIt));
        var name = await bed.ReceiveAndStartAsync("req-throttled");
        bed.StepFunctions.Fail(name, "InvoiceNotFoundError");

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => bed.DeliverAsync(name, dynamoDb: client));

        Assert.Equal(1, throttling.Injected);
        Assert.Equal(FailureOutcome.RecordedForRetry, (await bed.DeliverAsync(name)).Failure);
    }

    [Fact]
    public async Task RecordFailure_WhenTheSameFailureIsRecordedBetweenItsReadAndWrite_ReadsAgainAndWritesNothing()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(RecordFailure_WhenTheSameFailureIsRecordedBetweenItsReadAndWrite_ReadsAgainAndWritesNothing));
        var name = await bed.ReceiveAndStartAsync("req-race");
        bed.StepFunctions.Fail(name, "InvoiceNotFoundError");
        FailureOutcome? other = null;
        using var interleaving = new InterleavingHandler(_ => true, async () => other = (await bed.DeliverAsync(name)).Failure);
        using var racing = TrackingTestbed.RacingClient(fixture, interleaving);

        var outcome = await bed.DeliverAsync(name, dynamoDb: racing);

        Assert.True(interleaving.Interleaved);
        Assert.Equal(FailureOutcome.RecordedForRetry, other);
        Assert.Equal(FailureOutcome.AlreadyRecorded, outcome.Failure);
        var item = await bed.ItemAsync("req-race");
        Assert.Equal(2, item.Version);
        Assert.Equal(["retry"], await bed.IndexesOfAsync("req-race"));
    }
}
