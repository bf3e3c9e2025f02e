using Remittance.Local.Faults;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.StepFunctions;
using Remittance.DynamoDbLocal;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.Lambda;
using Remittance.Pipeline.Storage;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;

namespace Remittance.IntegrationTests.Tracking;

/// <summary>
/// A fresh table on DynamoDB Local plus scripted Step Functions, and the real pieces under test built on them:
/// remittances are ingested for real, first runs started as the stream function starts them, failures delivered
/// as EventBridge status events.
/// </summary>
public sealed class TrackingTestbed : IDisposable
{
    private static readonly LocalLambdaContext s_context = new("status", TimeSpan.FromSeconds(30), TimeProvider.System);

    private TrackingTestbed(DynamoDbLocalFixture fixture, PipelineHarness harness, ScriptedStepFunctions stepFunctions, int retryThreshold)
    {
        Fixture = fixture;
        Harness = harness;
        StepFunctions = stepFunctions;
        RetryThreshold = retryThreshold;
    }

    public DynamoDbLocalFixture Fixture { get; }

    public PipelineHarness Harness { get; }

    public ScriptedStepFunctions StepFunctions { get; }

    public int RetryThreshold { get; }

    /// <summary>Tests wait at most 1 ms per backoff step so a throttled path takes milliseconds.</summary>
    public static SweeperSettings FastSettings { get; } = new()
    {
        Segments = 2,
        BackoffBase = TimeSpan.FromMilliseconds(1),
        BackoffMax = TimeSpan.FromMilliseconds(2),
    };

    public static async Task<TrackingTestbed> CreateAsync(DynamoDbLocalFixture fixture, string testName, int retryThreshold = 3)
    {
        var stepFunctions = new ScriptedStepFunctions(TimeProvider.System);
        var harness = await PipelineHarness.CreateAsync(fixture, testName, stepFunctions: stepFunctions);
        return new TrackingTestbed(fixture, harness, stepFunctions, retryThreshold);
    }

    public TrackingTable Table(IAmazonDynamoDB? dynamoDb = null) => new(dynamoDb ?? Harness.DynamoDb, Harness.TableName, TimeProvider.System);

    public FailureRecorder Recorder(IAmazonDynamoDB? dynamoDb = null) => new(Table(dynamoDb), RetryThreshold, JsonLog.Null);

    public Sweeper Sweeper(SweeperSettings? settings = null, IAmazonDynamoDB? dynamoDb = null) =>
        new(Table(dynamoDb), Recorder(dynamoDb), StepFunctions, PipelineHarness.StateMachineArn, settings ?? FastSettings, JsonLog.Null);

    public Task<SweepSummary> SweepAsync(SweepRequest? request = null, SweeperSettings? settings = null) =>
        Sweeper(settings).SweepAsync(request ?? new SweepRequest(), CancellationToken.None);

    /// <summary>A DynamoDB Local client whose first matching UpdateItem lets <paramref name="interleave"/> write first.</summary>
    public static IAmazonDynamoDB RacingClient(DynamoDbLocalFixture fixture, InterleavingHandler handler)
    {
        var config = DynamoDbLocalClients.CreateConfig(fixture.ServiceUrl);
        config.HttpClientFactory = new HandlerHttpClientFactory(handler);
        return new AmazonDynamoDBClient(DynamoDbLocalClients.Credentials, config);
    }

    /// <summary>Ingests a valid message for <paramref name="requestId"/> and starts its first run as the stream function does.</summary>
    public async Task<string> ReceiveAndStartAsync(string requestId)
    {
        var ingested = await Harness.Services.CreateIngestProcessor()
            .ProcessAsync([new IngestMessage("m-" + requestId, Messages.Body(requestId))], CancellationToken.None);
        Assert.Equal(IngestOutcome.Accepted, Assert.Single(ingested).Outcome);
        var item = (await Harness.GetItemAsync(requestId))!;
        var name = item[ItemAttributes.ExecutionName].S;
        await StepFunctions.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = PipelineHarness.StateMachineArn,
            Name = name,
            Input = WorkflowInput.For(AttributeValueJson.ToJsonObject(item)),
        });
        return name;
    }

    /// <summary>The execution fails and EventBridge delivers the status change to the status function.</summary>
    public Task<StatusOutcome> FailAndDeliverAsync(string executionName, string error = "InvoiceNotFoundError", bool redrivable = false)
    {
        StepFunctions.Fail(executionName, error, $"{error}: scripted", redrivable);
        return DeliverAsync(executionName);
    }

    public async Task<StatusOutcome> DeliverAsync(string executionName, bool includeInput = true, IAmazonDynamoDB? dynamoDb = null)
    {
        var statusEvent = await StatusEvents.ForAsync(StepFunctions, ScriptedStepFunctions.ArnOf(executionName), includeInput);
        return await HandleAsync(statusEvent, dynamoDb);
    }

    public async Task<StatusOutcome> HandleAsync(Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents.StepFunctionsExecutionStatusChangeEvent statusEvent, IAmazonDynamoDB? dynamoDb = null)
    {
        StatusOutcome? outcome = null;
        var function = new StatusFunction(new ExecutionStatusProcessor(Recorder(dynamoDb), StepFunctions, JsonLog.Null), o => outcome = o);
        await function.HandleAsync(statusEvent, s_context, CancellationToken.None);
        return Assert.IsType<StatusOutcome>(outcome);
    }

    /// <summary>The request IDs on a sparse index, read from the index itself (a Scan of the GSI).</summary>
    public async Task<List<string>> OnIndexAsync(SparseIndex index)
    {
        var ids = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await Harness.DynamoDb.ScanAsync(new ScanRequest { TableName = Harness.TableName, IndexName = index.IndexName, ExclusiveStartKey = start });
            ids.AddRange((page.Items ?? []).Select(item => item[ItemAttributes.RequestId].S));
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    /// <summary>Which sparse indexes hold the item, as "retry", "failed", "running".</summary>
    public async Task<List<string>> IndexesOfAsync(string requestId)
    {
        var found = new List<string>();
        foreach (var index in RemittanceTableSchema.SparseIndexes)
        {
            if ((await OnIndexAsync(index)).Contains(requestId))
            {
                found.Add(index.IndexName.Replace("-index", string.Empty, StringComparison.Ordinal));
            }
        }

        return found;
    }

    public async Task<TrackedItem> ItemAsync(string requestId) => TrackedItem.From(await Harness.GetItemAsync(requestId))!;

    /// <summary>
    /// The workflow's success record, with the very update the state machine sends (Remittance.Workflows'
    /// SuccessUpdate): the success status, every sparse attribute and the last error removed, the version bumped — if
    /// the item still belongs to this execution.
    /// </summary>
    public Task RecordSuccessAsync(string requestId, string executionName) => Harness.DynamoDb.UpdateItemAsync(new UpdateItemRequest
    {
        TableName = Harness.TableName,
        Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = requestId } },
        UpdateExpression = Remittance.Workflows.Definition.SuccessUpdate.UpdateExpression,
        ConditionExpression = Remittance.Workflows.Definition.SuccessUpdate.ConditionExpression,
        ExpressionAttributeNames = new(Remittance.Workflows.Definition.SuccessUpdate.Names("enriched")),
        ExpressionAttributeValues = new()
        {
            [":status"] = new AttributeValue { S = "ENRICHED" },
            [":result"] = new AttributeValue { S = "{}" },
            [":now"] = new AttributeValue { S = "2026-11-20T10:00:00.000Z" },
            [":one"] = new AttributeValue { N = "1" },
            [":executionName"] = new AttributeValue { S = executionName },
        },
    });

    public void Dispose() => Harness.Dispose();
}
