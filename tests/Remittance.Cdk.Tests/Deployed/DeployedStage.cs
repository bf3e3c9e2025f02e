using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Cdk.Bundling;
using Remittance.Cdk.Tests.Asl;
using Remittance.Cdk.Tests.Support;
using Remittance.Domain;
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
/// One service as deployed: its five functions, each the published binary from the Lambda asset started with the
/// environment the synthesized template gives it, against <see cref="LocalAws"/>; and its state machine's ASL from the
/// template, executed by the independent interpreter with every task performed for real.
/// </summary>
public sealed class DeployedStage : IAsyncDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);
    private static readonly HttpClient s_http = new();

    private readonly SynthesizedApp _app;
    private readonly LocalAws _aws;
    private readonly string _service;
    private readonly Dictionary<FunctionName, FunctionProcessPool> _functions;

    private DeployedStage(SynthesizedApp app, LocalAws aws, string service, string table, Dictionary<FunctionName, FunctionProcessPool> functions)
    {
        _app = app;
        _aws = aws;
        _service = service;
        Table = table;
        _functions = functions;
    }

    public string Table { get; }

    public static async Task<DeployedStage> StartAsync(SynthesizedApp app, LocalAws aws, string service)
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
        return new DeployedStage(app, aws, service, table, functions);
    }

    /// <summary>A partner message (sample 001) under <paramref name="requestId"/>.</summary>
    public static string PartnerMessage(string requestId)
    {
        var message = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "partner-messages", "001-settled-usd-business.json")))!.AsObject();
        message["requestId"] = requestId;
        return message.ToJsonString();
    }

    /// <summary>An SQS event of one message, as the event source mapping delivers it.</summary>
    public static string SqsEvent(string body) => new JsonObject
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

    public async Task<string> InvokeAsync(FunctionName function, string payload)
    {
        var result = await _functions[function].InvokeAsync(Encoding.UTF8.GetBytes(payload)).WaitAsync(s_wait);
        Assert.True(result.Succeeded, $"{function}: {result.Status} {result.ErrorType} {result.PayloadText}");
        return result.PayloadText;
    }

    public async Task<Dictionary<string, AttributeValue>> ItemAsync(string requestId) =>
        (await _aws.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = Table,
            Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = requestId } },
            ConsistentRead = true,
        })).Item;

    public async Task<List<string>> RejectionsAsync()
    {
        var items = await _aws.DynamoDb.ScanAsync(new ScanRequest { TableName = Table, ConsistentRead = true });
        return [.. items.Items.Where(i => i[ItemAttributes.Status].S == "REJECTED")
            .Select(i => string.Join(",", i[ItemAttributes.Reasons].L.Select(r => r.M["code"].S)))];
    }

    /// <summary>The message through the deployed ingest and stream functions: the execution the stream function started.</summary>
    public async Task<LocalExecution> ReceiveAsync(string requestId, string body)
    {
        Assert.Equal("""{"batchItemFailures":[]}""", await InvokeAsync(FunctionName.Ingest, SqsEvent(body)));
        Assert.Equal(RemittanceStatus.Received.ToWire(), (await ItemAsync(requestId))[ItemAttributes.Status].S);
        return await StartFromStreamAsync(requestId);
    }

    /// <summary>
    /// What the deployed enrichment service publishes for sample 001 under <paramref name="requestId"/> (its state
    /// machine executed in the interpreter): the notification service's input.
    /// </summary>
    public static async Task<string> EnrichedEnvelopeAsync(SynthesizedApp app, LocalAws aws, string requestId)
    {
        await using var enrichment = await StartAsync(app, aws, "enrichment");
        var execution = await enrichment.ReceiveAsync(requestId, PartnerMessage(requestId));
        var published = aws.Sns.Published.Count;
        var run = await enrichment.ExecuteAsync(execution);
        Assert.True(run.Status == "SUCCEEDED", run.ToString());
        return aws.Sns.Published.Skip(published).Single().Message!;
    }

    /// <summary>Reads the table's real stream and hands the records to the stream function, as the event source mapping does.</summary>
    public async Task<LocalExecution> StartFromStreamAsync(string requestId)
    {
        using var streams = new AmazonDynamoDBStreamsClient(Remittance.DynamoDbLocal.DynamoDbLocalClients.Credentials,
            new AmazonDynamoDBStreamsConfig { ServiceURL = _aws.DynamoDbUrl });
        var poller = new LocalStreamPoller(streams, await TableSetup.StreamArnAsync(_aws.DynamoDb, Table, CancellationToken.None),
            async (streamEvent, ct) =>
            {
                var response = await InvokeAsync(FunctionName.Stream,
                    System.Text.Json.JsonSerializer.Serialize(streamEvent, AwsEventsJsonContext.Default.DynamoDBEvent));
                return System.Text.Json.JsonSerializer.Deserialize(response, AwsEventsJsonContext.Default.StreamsEventResponse)!;
            });
        await poller.PollOnceAsync(CancellationToken.None);
        var expected = (await ItemAsync(requestId))[ItemAttributes.ExecutionName].S;
        var stateMachine = _functions[FunctionName.Stream].Options.Environment[RemittanceOptions.StateMachineArnVariable];
        return Assert.Single(_aws.StepFunctions.Executions, e => e.Name == expected && e.StateMachineArn == stateMachine);
    }

    /// <summary>The state machine's ASL from the template, as Step Functions would run it (substitutions filled in locally).</summary>
    public JsonObject Definition() =>
        TemplateEnvironment.StateMachineDefinition(_app.Main.Template, _app.LogicalId(_app.Service(_service).StateMachine));

    /// <summary>
    /// Runs the execution the stream function started through the template's ASL in the interpreter. Every task is
    /// performed for real (the workflow function binary, DynamoDB Local, the local SNS) unless <paramref name="fault"/>
    /// answers for it first, as a failing AWS service would.
    /// </summary>
    public Task<AslExecution> ExecuteAsync(LocalExecution execution, Func<AslTaskCall, AslTaskResult?>? fault = null, JsonObject? definition = null,
        JsonNode? input = null) =>
        AslInterpreter.RunAsync(definition ?? Definition(), input ?? JsonNode.Parse(execution.Input)!, execution.Name, execution.StateMachineArn,
            call => fault?.Invoke(call) is { } injected ? Task.FromResult(injected) : PerformAsync(call));

    /// <summary>The state machine's first Lambda task, with the input Step Functions gives it (the execution input).</summary>
    public async Task<JsonObject> RunLambdaTaskAsync(LocalExecution execution)
    {
        var service = Remittance.Workflows.Composition.ServiceCatalog.Resolve(
            _functions[FunctionName.Workflow].Options.Environment[RemittanceOptions.ServiceVariable]);
        var task = service.Workflow.Tasks.OfType<LambdaTaskState>().First();
        var request = new WorkflowTaskRequest(task.Name, task.Steps, JsonNode.Parse(execution.Input)!.AsObject());
        return JsonNode.Parse(await InvokeAsync(FunctionName.Workflow, request.ToJson().ToJsonString()))!.AsObject();
    }

    /// <summary>The status rule delivers the run's failure, as EventBridge would.</summary>
    public Task FailAsync(LocalExecution execution) => InvokeAsync(FunctionName.Status, System.Text.Json.JsonSerializer.Serialize(
        LocalEvents.StatusChange(execution with { Status = "FAILED", Error = WorkflowErrors.Transient, Cause = "dependency unavailable", StopDate = DateTimeOffset.UtcNow },
            _aws.StepFunctions, DateTimeOffset.UtcNow),
        AwsEventsJsonContext.Default.StepFunctionsExecutionStatusChangeEvent));

    public async ValueTask DisposeAsync()
    {
        foreach (var function in _functions.Values)
        {
            await function.DisposeAsync();
        }
    }

    /// <summary>What Step Functions does for a Task state's Resource, with the parameters the ASL computed.</summary>
    private async Task<AslTaskResult> PerformAsync(AslTaskCall call) => call.Resource switch
    {
        _ when call.Resource == TemplateEnvironment.FunctionArn(_app.LogicalId(_app.Service(_service).Functions[FunctionName.Workflow])) =>
            await InvokeWorkflowAsync(call.Input),
        "arn:aws:states:::dynamodb:updateItem" => await DynamoDbAsync("UpdateItem", call.Input!.AsObject()),
        "arn:aws:states:::sns:publish" => await PublishAsync(call.Input!.AsObject()),
        _ => throw new InvalidOperationException($"{call.State}: no local performer for resource {call.Resource}"),
    };

    /// <summary>A Lambda task with the function's ARN as Resource: the payload is the Parameters; a function error's type is the error name.</summary>
    private async Task<AslTaskResult> InvokeWorkflowAsync(JsonNode? payload)
    {
        var result = await _functions[FunctionName.Workflow].InvokeAsync(Encoding.UTF8.GetBytes(payload?.ToJsonString() ?? "null")).WaitAsync(s_wait);
        return result.Succeeded
            ? AslTaskResult.Succeeded(JsonNode.Parse(result.Payload))
            : AslTaskResult.Failed(result.ErrorType ?? WorkflowErrors.LambdaService, result.PayloadText);
    }

    /// <summary>The native DynamoDB integration: the Parameters are the API request; an error is reported as DynamoDB.&lt;code&gt;.</summary>
    private async Task<AslTaskResult> DynamoDbAsync(string operation, JsonObject parameters)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _aws.DynamoDbUrl)
        {
            Content = new StringContent(parameters.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.Add("X-Amz-Target", "DynamoDB_20120810." + operation);
        // DynamoDB Local reads the access key (which database: the one the functions and LocalAws use) and does not
        // check the signature.
        var accessKey = Remittance.DynamoDbLocal.DynamoDbLocalClients.Credentials.GetCredentials().AccessKey;
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKey}/20261204/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await s_http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        if (response.IsSuccessStatusCode)
        {
            return AslTaskResult.Succeeded(body);
        }

        var type = ((string?)body?["__type"] ?? "UnknownError").Split('#').Last();
        return AslTaskResult.Failed("DynamoDB." + type, (string?)body?["message"] ?? (string?)body?["Message"] ?? string.Empty);
    }

    /// <summary>The native SNS integration: publish with the Parameters' topic, message and attributes.</summary>
    private async Task<AslTaskResult> PublishAsync(JsonObject parameters)
    {
        var response = await _aws.Sns.PublishAsync(new PublishRequest
        {
            TopicArn = (string?)parameters["TopicArn"],
            Message = (string?)parameters["Message"],
        });
        return AslTaskResult.Succeeded(new JsonObject { ["MessageId"] = response.MessageId });
    }
}
