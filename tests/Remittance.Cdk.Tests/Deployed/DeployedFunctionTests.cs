using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Cdk.Bundling;
using Remittance.Cdk.Tests.Support;
using Remittance.Local.Input;
using Remittance.Local.Lambda;
using Remittance.Local.Run;
using Remittance.Local.StepFunctions;
using Remittance.Local.Streams;
using Remittance.Local.Streams.Client;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Cdk.Tests.Deployed;

/// <summary>
/// The deployed artefact, tried as AWS runs it: the published <c>bootstrap</c> the template packages, started as each
/// function of each service with exactly the environment the synthesized template gives that function (references
/// resolved to local names), against DynamoDB Local and local Step Functions and SNS endpoints. Nothing here builds a
/// function in process: a setting the CDK app forgets, or a behaviour only a local host wires, fails these tests.
/// </summary>
[Collection(SynthCollection.Name)]
public sealed class DeployedFunctionTests(SynthesizedApp app, LocalAws aws) : IClassFixture<LocalAws>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Enrichment_EveryDeployedFunction_CarriesAPartnerMessageFromItsQueueToItsSweeper()
    {
        var requestId = "deployed-enrichment-" + Guid.NewGuid().ToString("N")[..8];
        await using var stage = await StageAsync("enrichment");

        var ingested = await stage.InvokeAsync(FunctionName.Ingest, SqsEvent(PartnerMessage(requestId)));
        Assert.Equal("""{"batchItemFailures":[]}""", ingested);
        var item = await stage.ItemAsync(requestId);
        Assert.Equal("RECEIVED", item[ItemAttributes.Status].S);

        var execution = await stage.StartFromStreamAsync(requestId);
        Assert.Equal(item[ItemAttributes.ExecutionName].S, execution.Name);

        var published = aws.Sns.Published.Count;
        var output = await stage.RunLambdaTaskAsync(execution);
        Assert.Equal(requestId, (string?)output["data"]?["requestId"]);
        var publish = Assert.Single(aws.Sns.Published.Skip(published));
        Assert.Equal(TemplateEnvironment.TopicArn(app.LogicalId(app.Service("enrichment").Topics[WorkflowTopic.Enriched])), publish.TopicArn);

        await stage.FailAsync(execution);
        Assert.True((await stage.ItemAsync(requestId)).ContainsKey(ItemAttributes.RetryJob), "the status function put the failed run on the retry index");

        var sweep = JsonNode.Parse(await stage.InvokeAsync(FunctionName.Sweeper, """{"dryRun":true}"""))!;
        Assert.True((bool)sweep["dryRun"]!);
        Assert.True((int)sweep["examined"]! >= 1, sweep.ToJsonString());
    }

    [Fact]
    public async Task Notification_EveryDeployedFunction_CarriesAnEnrichedEnvelopeFromItsQueueToItsSweeper()
    {
        var requestId = "deployed-notification-" + Guid.NewGuid().ToString("N")[..8];
        var envelope = await EnrichedEnvelopeAsync(requestId);
        await using var stage = await StageAsync("notification");

        // The envelope the enrichment topic delivers (raw) is a remittance here, not a rejection.
        Assert.Equal("""{"batchItemFailures":[]}""", await stage.InvokeAsync(FunctionName.Ingest, SqsEvent(envelope)));
        var item = await stage.ItemAsync(requestId);
        Assert.Equal("RECEIVED", item[ItemAttributes.Status].S);

        var execution = await stage.StartFromStreamAsync(requestId);
        var output = await stage.RunLambdaTaskAsync(execution);
        Assert.False(string.IsNullOrEmpty((string?)output["templateId"]), output.ToJsonString());

        await stage.FailAsync(execution);
        Assert.True((await stage.ItemAsync(requestId)).ContainsKey(ItemAttributes.RetryJob));
        var sweep = JsonNode.Parse(await stage.InvokeAsync(FunctionName.Sweeper, """{"dryRun":true}"""))!;
        Assert.True((int)sweep["examined"]! >= 1, sweep.ToJsonString());
    }

    [Fact]
    public async Task NotificationIngest_GivenAPartnerMessage_RecordsARejectionSayingWhatIsMissing()
    {
        await using var stage = await StageAsync("notification");
        var before = await stage.RejectionsAsync();

        Assert.Equal("""{"batchItemFailures":[]}""",
            await stage.InvokeAsync(FunctionName.Ingest, SqsEvent(PartnerMessage("misrouted-" + Guid.NewGuid().ToString("N")[..8]))));

        var rejection = Assert.Single((await stage.RejectionsAsync()).Except(before));
        Assert.NotEmpty(rejection);
    }

    private async Task<string> EnrichedEnvelopeAsync(string requestId)
    {
        await using var enrichment = await StageAsync("enrichment");
        await enrichment.InvokeAsync(FunctionName.Ingest, SqsEvent(PartnerMessage(requestId)));
        var execution = await enrichment.StartFromStreamAsync(requestId);
        var published = aws.Sns.Published.Count;
        await enrichment.RunLambdaTaskAsync(execution);
        return aws.Sns.Published.Skip(published).Single().Message!;
    }

    private async Task<Stage> StageAsync(string service)
    {
        var pattern = app.Service(service);
        var mounts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [NotificationCatalogBundle.LayerMountPath] = RepositoryRoot.Combine("samples", "notifications"),
        };
        var environments = pattern.Functions.ToDictionary(f => f.Key,
            f => TemplateEnvironment.Of(app.Main.Template, app.LogicalId(f.Value), mounts));
        var table = environments[FunctionName.Ingest][RemittanceOptions.TableNameVariable];
        await TableSetup.EnsureTableAsync(aws.DynamoDb, table, CancellationToken.None);
        if (environments[FunctionName.Workflow].GetValueOrDefault(RemittanceOptions.InvoicesTableVariable) is { } invoices)
        {
            await InvoiceSeeder.SeedAsync(aws.DynamoDb, invoices, RepositoryRoot.Combine("samples", "invoices.jsonl"), CancellationToken.None);
        }

        // The binary from the staged asset (what the Lambda zip holds, nothing beside it), not the publish folder.
        var bootstrap = Path.Combine(app.Main.FunctionsAsset(), FunctionsBundle.ExecutableName);
        var functions = environments.ToDictionary(e => e.Key, e => new FunctionProcessPool(new FunctionProcessOptions
        {
            BootstrapPath = bootstrap,
            FunctionName = $"{service}-{FunctionNames.Handler(e.Key)}",
            Environment = new Dictionary<string, string>(e.Value)
            {
                ["_HANDLER"] = (string)app.Main.Template[app.LogicalId(pattern.Functions[e.Key])].Properties["Handler"]!,
                [RemittanceOptions.DynamoDbEndpointVariable] = aws.DynamoDbUrl,
                [RemittanceOptions.StepFunctionsEndpointVariable] = aws.StepFunctionsUrl,
                [RemittanceOptions.SnsEndpointVariable] = aws.SnsUrl,
            },
            MaxInstances = 1,
            Timeout = TimeSpan.FromSeconds(60),
            InitTimeout = s_wait,
        }));
        return new Stage(aws, table, functions);
    }

    private static string PartnerMessage(string requestId)
    {
        var message = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "partner-messages", "001-settled-usd-business.json")))!.AsObject();
        message["requestId"] = requestId;
        return message.ToJsonString();
    }

    private static string SqsEvent(string body) => new JsonObject
    {
        ["Records"] = new JsonArray(new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["receiptHandle"] = "local",
            ["body"] = body,
            ["attributes"] = new JsonObject { ["ApproximateReceiveCount"] = "1" },
            ["messageAttributes"] = new JsonObject(),
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = "arn:aws:sqs:us-east-1:000000000000:ingest",
            ["awsRegion"] = "us-east-1",
        }),
    }.ToJsonString();

    /// <summary>One service's five functions, each the published binary with its template environment.</summary>
    private sealed class Stage(LocalAws aws, string table, Dictionary<FunctionName, FunctionProcessPool> functions) : IAsyncDisposable
    {
        public async Task<string> InvokeAsync(FunctionName function, string payload)
        {
            var result = await functions[function].InvokeAsync(Encoding.UTF8.GetBytes(payload)).WaitAsync(s_wait);
            Assert.True(result.Succeeded, $"{function}: {result.Status} {result.ErrorType} {result.PayloadText}");
            return result.PayloadText;
        }

        public async Task<Dictionary<string, AttributeValue>> ItemAsync(string requestId) =>
            (await aws.DynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = table,
                Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = requestId } },
                ConsistentRead = true,
            })).Item;

        public async Task<List<string>> RejectionsAsync()
        {
            var items = await aws.DynamoDb.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
            return [.. items.Items.Where(i => i[ItemAttributes.Status].S == "REJECTED")
                .Select(i => string.Join(",", i[ItemAttributes.Reasons].L.Select(r => r.M["code"].S)))];
        }

        /// <summary>Reads the table's real stream and hands the records to the stream function, as the event source mapping does.</summary>
        public async Task<LocalExecution> StartFromStreamAsync(string requestId)
        {
            using var streams = new AmazonDynamoDBStreamsClient(Remittance.DynamoDbLocal.DynamoDbLocalClients.Credentials,
                new AmazonDynamoDBStreamsConfig { ServiceURL = aws.DynamoDbUrl });
            var poller = new LocalStreamPoller(streams, await TableSetup.StreamArnAsync(aws.DynamoDb, table, CancellationToken.None),
                async (streamEvent, ct) =>
                {
                    var response = await InvokeAsync(FunctionName.Stream,
                        System.Text.Json.JsonSerializer.Serialize(streamEvent, AwsEventsJsonContext.Default.DynamoDBEvent));
                    return System.Text.Json.JsonSerializer.Deserialize(response, AwsEventsJsonContext.Default.StreamsEventResponse)!;
                });
            await poller.PollOnceAsync(CancellationToken.None);
            var expected = (await ItemAsync(requestId))[ItemAttributes.ExecutionName].S;
            var stateMachine = functions[FunctionName.Stream].Options.Environment[RemittanceOptions.StateMachineArnVariable];
            return Assert.Single(aws.StepFunctions.Executions, e => e.Name == expected && e.StateMachineArn == stateMachine);
        }

        /// <summary>The state machine's first Lambda task, with the input Step Functions gives it (the execution input).</summary>
        public async Task<JsonObject> RunLambdaTaskAsync(LocalExecution execution)
        {
            var service = Remittance.Workflows.Composition.ServiceCatalog.Resolve(
                functions[FunctionName.Workflow].Options.Environment[RemittanceOptions.ServiceVariable]);
            var task = service.Workflow.Tasks.OfType<LambdaTaskState>().First();
            var request = new WorkflowTaskRequest(task.Name, task.Steps, JsonNode.Parse(execution.Input)!.AsObject());
            return JsonNode.Parse(await InvokeAsync(FunctionName.Workflow, request.ToJson().ToJsonString()))!.AsObject();
        }

        /// <summary>The status rule delivers the run's failure, as EventBridge would.</summary>
        public Task FailAsync(LocalExecution execution) => InvokeAsync(FunctionName.Status, System.Text.Json.JsonSerializer.Serialize(
            LocalEvents.StatusChange(execution with { Status = "FAILED", Error = WorkflowErrors.Transient, Cause = "dependency unavailable", StopDate = DateTimeOffset.UtcNow },
                aws.StepFunctions, DateTimeOffset.UtcNow),
            AwsEventsJsonContext.Default.StepFunctionsExecutionStatusChangeEvent));

        public async ValueTask DisposeAsync()
        {
            foreach (var function in functions.Values)
            {
                await function.DisposeAsync();
            }
        }
    }
}
