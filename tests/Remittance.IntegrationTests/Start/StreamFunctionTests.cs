using System.Net;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Aws.StepFunctions;
using Remittance.Domain;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.Lambda;
using Remittance.Local.Streams;
using Remittance.Local.Streams.Client;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;

namespace Remittance.IntegrationTests.Start;

/// <summary>The stream function fed from the table's real DynamoDB Local stream.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class StreamFunctionTests(DynamoDbLocalFixture fixture)
{
    private static readonly LocalLambdaContext s_context = new("stream", TimeSpan.FromSeconds(30), TimeProvider.System);

    private async Task<List<DynamoDBEvent.DynamodbStreamRecord>> ReadStreamAsync(PipelineHarness harness)
    {
        var records = new List<DynamoDBEvent.DynamodbStreamRecord>();
        using var streams = new AmazonDynamoDBStreamsClient(Remittance.DynamoDbLocal.DynamoDbLocalClients.Credentials,
            new AmazonDynamoDBStreamsConfig { ServiceURL = fixture.ServiceUrl });
        var poller = new LocalStreamPoller(streams, await TableSetup.StreamArnAsync(harness.DynamoDb, harness.TableName, CancellationToken.None),
            (e, _) =>
            {
                records.AddRange(e.Records);
                return Task.FromResult(new StreamsEventResponse());
            });
        while (await poller.PollOnceAsync(CancellationToken.None) > 0)
        {
        }

        return records;
    }

    private static async Task IngestAsync(PipelineHarness harness, params string[] bodies) =>
        await harness.Services.CreateIngestProcessor().ProcessAsync(
            [.. bodies.Select((body, i) => new IngestMessage($"m-{i}", body))], CancellationToken.None);

    [Fact]
    public async Task Stream_WhenRemittanceIsReceived_StartsExecutionUnderTheStoredName()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Stream_WhenRemittanceIsReceived_StartsExecutionUnderTheStoredName));
        await IngestAsync(harness, Messages.Body("req-start"));
        var records = await ReadStreamAsync(harness);

        var response = await new StreamFunction(harness.Services.CreateStartProcessor())
            .HandleAsync(new DynamoDBEvent { Records = records }, s_context, CancellationToken.None);

        Assert.Empty(response.BatchItemFailures);
        var execution = Assert.Single(harness.StepFunctions.Executions);
        Assert.Equal(ExecutionName.For("req-start", 1), execution.Name);
        Assert.Equal(PipelineHarness.StateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + execution.Name,
            execution.ExecutionArn);
        var input = System.Text.Json.Nodes.JsonNode.Parse(execution.Input)!;
        Assert.Equal("req-start", (string?)input["requestId"]);
        Assert.Equal("1250.75", (string?)input["message"]!["amount"]);
    }

    [Fact]
    public async Task Stream_WhenRecordIsReplayed_NeverStartsASecondRun()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Stream_WhenRecordIsReplayed_NeverStartsASecondRun));
        await IngestAsync(harness, Messages.Body("req-replay"));
        var records = await ReadStreamAsync(harness);
        var results = new List<StartResult>();
        var function = new StreamFunction(harness.Services.CreateStartProcessor(), results.Add);

        await function.HandleAsync(new DynamoDBEvent { Records = records }, s_context, CancellationToken.None);
        await function.HandleAsync(new DynamoDBEvent { Records = records }, s_context, CancellationToken.None);
        // A replay whose image differs (a later version) meets a name that is taken: ExecutionAlreadyExists.
        records[0].Dynamodb.NewImage![ItemAttributes.VersionId] = new DynamoDBEvent.AttributeValue { N = "7" };
        var third = await function.HandleAsync(new DynamoDBEvent { Records = records }, s_context, CancellationToken.None);

        Assert.Single(harness.StepFunctions.Executions);
        Assert.Equal(3, harness.StepFunctions.StartCalls);
        Assert.Empty(third.BatchItemFailures);
        Assert.Equal(StartOutcome.AlreadyStarted, results[^1].Outcome);
    }

    [Fact]
    public async Task Stream_IgnoresRecordsItDoesNotOwn()
    {
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Stream_IgnoresRecordsItDoesNotOwn));
        await IngestAsync(harness, "not json", Messages.Body("req-own"), Messages.Body("req-own", m => m["amount"] = "1.00"));
        await harness.DynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = harness.TableName,
            Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = "req-own" } },
            UpdateExpression = "SET #s = :running",
            ExpressionAttributeNames = new() { ["#s"] = ItemAttributes.Status },
            ExpressionAttributeValues = new() { [":running"] = new AttributeValue { S = "RUNNING" } },
        });
        await harness.DynamoDb.DeleteItemAsync(harness.TableName, new() { [ItemAttributes.RequestId] = new AttributeValue { S = "req-own" } });
        var records = await ReadStreamAsync(harness);
        var results = new List<StartResult>();

        await new StreamFunction(harness.Services.CreateStartProcessor(), results.Add)
            .HandleAsync(new DynamoDBEvent { Records = records }, s_context, CancellationToken.None);

        // INSERT of the remittance, INSERTs of the rejection and conflict records, a MODIFY and a REMOVE.
        Assert.Equal(["INSERT", "INSERT", "INSERT", "MODIFY", "REMOVE"], records.Select(r => r.EventName!).Order(StringComparer.Ordinal));
        Assert.Equal(1, results.Count(r => r.Outcome == StartOutcome.Started));
        Assert.Equal(4, results.Count(r => r.Outcome == StartOutcome.Ignored));
    }

    [Fact]
    public async Task Stream_WhenStepFunctionsThrottles_ReportsTheRecordForRetry()
    {
        var throttling = new StubAwsHandler(HttpStatusCode.BadRequest, "ThrottlingException");
        using var stepFunctions = new AmazonStepFunctionsClient(new Amazon.Runtime.BasicAWSCredentials("k", "s"),
            new AmazonStepFunctionsConfig { ServiceURL = "http://127.0.0.1:9/", MaxErrorRetry = 1, HttpMessageHandler = throttling, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Stream_WhenStepFunctionsThrottles_ReportsTheRecordForRetry), stepFunctions: stepFunctions);
        await IngestAsync(harness, Messages.Body("req-throttle"));
        var records = await ReadStreamAsync(harness);

        var response = await new StreamFunction(harness.Services.CreateStartProcessor())
            .HandleAsync(new DynamoDBEvent { Records = records }, s_context, CancellationToken.None);

        Assert.Equal(records[0].Dynamodb.SequenceNumber, Assert.Single(response.BatchItemFailures).ItemIdentifier);
        Assert.Equal(2, throttling.Calls);
        var item = await harness.GetItemAsync("req-throttle");
        Assert.False(item!.ContainsKey(ItemAttributes.RetryJob));
    }

    [Fact]
    public async Task Stream_WhenStateMachineDoesNotExist_RecordsTheFailureOnTheItemForTheSweeper()
    {
        var missing = new StubAwsHandler(HttpStatusCode.BadRequest, "StateMachineDoesNotExist");
        using var stepFunctions = new AmazonStepFunctionsClient(new Amazon.Runtime.BasicAWSCredentials("k", "s"),
            new AmazonStepFunctionsConfig { ServiceURL = "http://127.0.0.1:9/", HttpMessageHandler = missing });
        using var harness = await PipelineHarness.CreateAsync(fixture, nameof(Stream_WhenStateMachineDoesNotExist_RecordsTheFailureOnTheItemForTheSweeper), stepFunctions: stepFunctions);
        await IngestAsync(harness, Messages.Body("req-missing"));
        var records = await ReadStreamAsync(harness);

        var response = await new StreamFunction(harness.Services.CreateStartProcessor())
            .HandleAsync(new DynamoDBEvent { Records = records }, s_context, CancellationToken.None);

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal(1, missing.Calls);
        var item = await harness.GetItemAsync("req-missing");
        Assert.Equal("2", item![ItemAttributes.VersionId].N);
        Assert.Equal("req-missing", item[ItemAttributes.RetryJob].S);
        Assert.Equal("StateMachineDoesNotExist", item[ItemAttributes.LastError].M["error"].S);
        Assert.Equal("RECEIVED", item[ItemAttributes.Status].S);
    }
}
