using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Storage;
using Remittance.Workflows.Composition;

// What src/Remittance.Functions/Program.cs does for _HANDLER=ingest, cut at a stage (REMITTANCE_PROBE_STAGE), each
// stage adding one piece of start-up work to the one before:
//   runtime   our Runtime API loop (Remittance.Aws LambdaBootstrap), a constant response
//   json      + the SQS event read and the batch response written with the source-generated JSON context
//   services  + options from the environment and the composition root (no AWS client touched)
//   client    + the AmazonDynamoDBClient built in init, as the function's init builds it
//   put       + one conditional PutItem per record (a minimal item): the first AWS call, without our ingest code
//   steps     the function's own init and ingest handler, with a stopwatch mark between pieces, printed to stdout
//             before the first response (for attribution in one process; not a timed variant)
//   steps-split  the same, with pieces done once ahead of their owner (Console and an HttpClient before the runtime
//             loop; the SDK's credential chain before the client; SHA-256 before the first parse), so each gets a mark
var stage = Environment.GetEnvironmentVariable("REMITTANCE_PROBE_STAGE") ?? "runtime";
var split = stage == "steps-split";
var clock = Stopwatch.StartNew();
var marks = new List<(string Step, double Milliseconds)>();
void Mark(string step) => marks.Add((step, clock.Elapsed.TotalMilliseconds));

RemittanceServices? services = null;
IngestFunction? ingest = null;
LambdaBootstrapHandler handler = stage switch
{
    "runtime" => (_, _) => Task.FromResult(new InvocationResponse(new MemoryStream("""{"batchItemFailures":[]}"""u8.ToArray()))),
    "json" or "services" or "client" => HandlerWrapper.GetHandlerWrapper(
        (SQSEvent _, Remittance.Aws.Lambda.Core.ILambdaContext _, CancellationToken _) => Task.FromResult(new SQSBatchResponse()),
        AwsEventsJsonContext.Default.SQSEvent, AwsEventsJsonContext.Default.SQSBatchResponse).Handler,
    "put" => HandlerWrapper.GetHandlerWrapper(
        async (SQSEvent sqsEvent, Remittance.Aws.Lambda.Core.ILambdaContext _, CancellationToken ct) =>
        {
            foreach (var record in sqsEvent.Records)
            {
                await services!.DynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = services.Options.TableName,
                    Item = new() { [ItemAttributes.RequestId] = new AttributeValue { S = "probe-" + record.MessageId } },
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = new() { ["#pk"] = ItemAttributes.RequestId },
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                }, ct);
            }

            return new SQSBatchResponse();
        },
        AwsEventsJsonContext.Default.SQSEvent, AwsEventsJsonContext.Default.SQSBatchResponse).Handler,
    "steps" or "steps-split" => Steps,
    _ => throw new InvalidOperationException($"Unknown REMITTANCE_PROBE_STAGE '{stage}'."),
};

LambdaBootstrapInitializer? initializer = stage switch
{
    "services" or "client" or "put" => ct =>
    {
        var options = RemittanceOptions.FromEnvironment(Environment.GetEnvironmentVariable);
        services = RemittanceServices.Create(options, FunctionName.Ingest, ServiceCatalog.Resolve(options.Service).Profile);
        if (stage != "services")
        {
            _ = services.DynamoDb;
        }

        return Task.FromResult(true);
    },
    "steps" or "steps-split" => ct =>
    {
        // Program.cs's init, in its order.
        Mark("init entered");
        var function = FunctionNames.Parse(Environment.GetEnvironmentVariable("_HANDLER"));
        Mark("_HANDLER parsed (FunctionNames.Parse: Enum.TryParse, Enum.IsDefined)");
        var options = RemittanceOptions.FromEnvironment(Environment.GetEnvironmentVariable);
        var service = ServiceCatalog.Resolve(options.Service);
        services = RemittanceServices.Create(options, function, service.Profile);
        Mark("options read, composition root built");
        if (split)
        {
            // Each piece done once ahead of the client, so the client's own mark shows only what is left.
            _ = Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials();
            Mark("split: AWS credentials resolved (the SDK's default credential chain)");
        }

        _ = services.DynamoDb;

        Mark("AmazonDynamoDBClient built");
        _ = new IngestFunction(services.CreateIngestProcessor());
        Mark("handler built (init done)");
        ingest = new IngestFunction(services.CreateIngestProcessor());
        return Task.FromResult(true);
    },
    _ => null,
};

Mark("main entered");
if (split)
{
    _ = Console.Out;
    _ = Console.Error;
    Mark("split: Console.Out and Console.Error opened");
    new HttpClient(new SocketsHttpHandler { UseProxy = false }).Dispose();
    Mark("split: an HttpClient with a SocketsHttpHandler built");
}

using var bootstrap = new LambdaBootstrap(handler, initializer);
Mark("runtime loop built");
await bootstrap.RunAsync();
services?.Dispose();
return;

// The function's ingest handler taken apart: HandlerWrapper's read and write done here, and the message parsed once
// before the processor runs (the processor's own parse is then warm), so the first AWS call stands apart.
async Task<InvocationResponse> Steps(InvocationRequest invocation, CancellationToken ct)
{
    Mark("first invocation received (/next answered)");
    var sqsEvent = await JsonSerializer.DeserializeAsync(invocation.InputStream, AwsEventsJsonContext.Default.SQSEvent, ct)
                   ?? throw new JsonException("null event");
    Mark("SQS event deserialized");
    var factory = new RemittanceItemFactory(TimeProvider.System);
    if (split)
    {
        _ = SHA256.HashData([]);
        Mark("split: SHA-256 first used (OpenSSL loaded)");
        var parsed = sqsEvent.Records.Select(r => PartnerMessageContract.Instance.Parse(r.Body)).ToList();
        Mark("split: messages parsed and validated (first time)");
        parsed.ForEach(m => factory.Create(m));
    }
    else
    {
        foreach (var record in sqsEvent.Records)
        {
            _ = factory.Create(PartnerMessageContract.Instance.Parse(record.Body));
        }
    }

    Mark("messages parsed, validated, hashed, items built (first time)");
    var response = await ingest!.HandleAsync(sqsEvent, invocation.LambdaContext, ct);
    Mark("ingest processor done (PutItem, log line; parse now warm)");
    var output = new MemoryStream();
    await JsonSerializer.SerializeAsync(output, response, AwsEventsJsonContext.Default.SQSBatchResponse, ct);
    output.Position = 0;
    Mark("batch response serialized");
    foreach (var (step, milliseconds) in marks)
    {
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"probe-step\t{milliseconds:F2}\t{step}"));
    }

    return new InvocationResponse(output);
}
