using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.DynamoDBStreams;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.DynamoDbLocal;
using Remittance.Local.Faults;
using Remittance.Local.Input;
using Remittance.Local.Lambda;
using Remittance.Local.Sqs;
using Remittance.Local.StepFunctions;
using Remittance.Local.Streams;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Storage;
using Remittance.Local.Workflows;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Local.Run;

/// <summary>
/// Runs the pipeline on a laptop with the same function code Lambda runs: a real DynamoDB Local (table and stream),
/// the ingest function fed as SQS would, the stream function fed from the real stream, and the local workflow runner.
/// </summary>
public static class LocalRunner
{
    private static readonly TimeSpan s_functionTimeout = TimeSpan.FromSeconds(30);

    public static async Task<LocalRunReport> RunAsync(
        string inputDescription,
        IReadOnlyList<InputMessage> messages,
        LocalRunOptions options,
        IProgress<LocalRunProgress>? progress,
        CancellationToken cancellationToken)
    {
        var time = options.Time;
        progress?.Report(new LocalRunProgress(0, messages.Count, "starting DynamoDB Local"));
        var startup = Stopwatch.StartNew();
        await using var server = await DynamoDbLocalServer.StartAsync(options.DynamoDb, cancellationToken).ConfigureAwait(false);
        using var dynamoDb = server.CreateClient();
        var faults = options.Faults;
        using var functionsDynamoDb = CreateFunctionsClient(server.ServiceUrl, faults);
        await TableSetup.EnsureTableAsync(dynamoDb, options.TableName, cancellationToken).ConfigureAwait(false);
        var streamArn = await TableSetup.StreamArnAsync(dynamoDb, options.TableName, cancellationToken).ConfigureAwait(false);
        var dynamoDbDescription = $"{server.Mode.ToString().ToLowerInvariant()} at {server.ServiceUrl} (ready in {startup.Elapsed.TotalSeconds:F1} s)";

        var invoices = options.InvoicesPath is { } invoicesPath
            ? await InvoiceSeeder.SeedAsync(dynamoDb, options.InvoicesTableName, invoicesPath, cancellationToken).ConfigureAwait(false)
            : 0;
        if (options.InvoicesPath is null)
        {
            await TableSetup.EnsureTableAsync(dynamoDb, InvoicesTableSchema.CreateTableRequest(options.InvoicesTableName), cancellationToken)
                .ConfigureAwait(false);
        }

        var topics = new RecordingTopics();
        var workflowServices = new StepFunctionsSlot();
        using var services = RemittanceServices.Create(
            new RemittanceOptions
            {
                TableName = options.TableName,
                StateMachineArn = LocalRunOptions.StateMachineArn,
                InvoicesTableName = options.InvoicesTableName,
            },
            FunctionName.Workflow,
            new RemittanceEdges { DynamoDb = functionsDynamoDb, StepFunctions = workflowServices, Time = time, LogWriter = options.FunctionLog ?? TextWriter.Null });
        var runner = new LocalWorkflowRunner(WorkflowCatalog.Enrichment,
            new WorkflowTaskRunner(ServiceSteps.For(services).Select(step => new FaultInjectingStep(step, faults))), functionsDynamoDb,
            options.TableName, topics, time, LocalRunOptions.RetryTimeScale, new Random(options.Seed), state => StateFault(state, faults));
        var stepFunctions = new LocalStepFunctions(time, runner: runner)
        {
            StartFault = _ => faults.ShouldFail("startExecution") ? new Remittance.Aws.StepFunctions.ThrottlingException("injected fault: Rate exceeded") : null,
        };
        workflowServices.Target = stepFunctions;
        using var streams = new AmazonDynamoDBStreamsClient(DynamoDbLocalClients.Credentials, new AmazonDynamoDBStreamsConfig { ServiceURL = server.ServiceUrl });

        var ingestResults = new ConcurrentQueue<IngestResult>();
        var startResults = new ConcurrentQueue<StartResult>();
        var ingest = new IngestFunction(services.CreateIngestProcessor(), ingestResults.Enqueue);
        var stream = new StreamFunction(services.CreateStartProcessor(), startResults.Enqueue);
        var poller = new LocalStreamPoller(streams, streamArn,
            (e, ct) => stream.HandleAsync(e, new LocalLambdaContext("remittance-stream", s_functionTimeout, time), ct));

        var queue = new LocalQueue(time, options.MaxReceiveCount);
        var sources = new Dictionary<string, InputMessage>(StringComparer.Ordinal);
        var order = new List<string>(messages.Count);
        foreach (var message in messages)
        {
            var id = queue.Send(message);
            sources[id] = message;
            order.Add(id);
        }

        var clock = Stopwatch.StartNew();
        var settled = 0;
        var ingestInvocations = 0;
        var ingestDone = new TaskCompletionSource();
        var workers = Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!queue.IsDrained)
            {
                var batch = queue.Receive();
                if (batch.Count == 0)
                {
                    // Others still hold messages that may come back; wait for them to settle.
                    await Task.Delay(5, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Interlocked.Increment(ref ingestInvocations);
                var failed = await InvokeIngestAsync(ingest, batch, time, cancellationToken).ConfigureAwait(false);
                queue.Complete(batch, failed);
                var done = Interlocked.Add(ref settled, batch.Count(m => !failed.Contains(m.MessageId) || m.ReceiveCount >= options.MaxReceiveCount));
                progress?.Report(new LocalRunProgress(done, messages.Count, "ingesting"));
            }
        }, cancellationToken)).ToList();
        var ingestion = Task.WhenAll(workers).ContinueWith(t => ingestDone.TrySetResult(), TaskScheduler.Default);

        // The stream is read while ingest runs, as Lambda would; it is done once ingest has finished and the stream
        // has nothing more to give.
        var idlePolls = 0;
        while (idlePolls < 2)
        {
            var read = await poller.PollOnceAsync(cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                idlePolls = 0;
                continue;
            }

            if (ingestDone.Task.IsCompleted)
            {
                idlePolls++;
            }
            else
            {
                await Task.WhenAny(ingestDone.Task, Task.Delay(20, cancellationToken)).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        await ingestion.ConfigureAwait(false);
        progress?.Report(new LocalRunProgress(messages.Count, messages.Count, "waiting for workflows"));
        await stepFunctions.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        progress?.Report(new LocalRunProgress(messages.Count, messages.Count, "reporting"));

        var items = await ScanAsync(dynamoDb, options.TableName, cancellationToken).ConfigureAwait(false);
        return LocalRunReportBuilder.Build(new LocalRunFacts(
            inputDescription, time.GetUtcNow() - elapsed, elapsed, dynamoDbDescription, order, sources, [.. ingestResults],
            [.. startResults], queue.DeadLetters, items, stepFunctions, ingestInvocations, poller, topics, invoices, faults, options.Seed));
    }

    /// <summary>The functions' DynamoDB client: the real DynamoDB Local, throttled at the HTTP boundary when asked to.</summary>
    private static AmazonDynamoDBClient CreateFunctionsClient(string serviceUrl, FaultPlan faults)
    {
        var config = DynamoDbLocalClients.CreateConfig(serviceUrl);
        if (faults.Rates.ContainsKey("dynamodb"))
        {
            config.HttpClientFactory = new HandlerHttpClientFactory(new FaultInjectingHttpHandler(
                (_, _) => faults.ShouldFail("dynamodb"), System.Net.HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException"));
        }

        return new AmazonDynamoDBClient(DynamoDbLocalClients.Credentials, config);
    }

    private static Exception? StateFault(TaskState state, FaultPlan faults) => state switch
    {
        PublishState when faults.ShouldFail("publish") => new InvalidOperationException("injected fault: SNS publish failed"),
        RecordSuccessState when faults.ShouldFail("record") => new AmazonDynamoDBException("injected fault: throttled")
        {
            ErrorCode = "ProvisionedThroughputExceededException",
            StatusCode = System.Net.HttpStatusCode.BadRequest,
        },
        _ => null,
    };

    private static async Task<HashSet<string>> InvokeIngestAsync(
        IngestFunction ingest,
        IReadOnlyList<QueuedMessage> batch,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var sqsEvent = new SQSEvent
        {
            Records = [.. batch.Select(m => new SQSEvent.SQSMessage
            {
                MessageId = m.MessageId,
                ReceiptHandle = m.MessageId + "#" + m.ReceiveCount,
                Body = m.Input.Body,
                EventSource = "aws:sqs",
                EventSourceArn = "arn:aws:sqs:us-east-1:000000000000:remittance-ingest-local",
                AwsRegion = "us-east-1",
                Attributes = new()
                {
                    ["ApproximateReceiveCount"] = m.ReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["SentTimestamp"] = m.SentAt.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                },
            })],
        };

        try
        {
            var response = await ingest.HandleAsync(sqsEvent, new LocalLambdaContext("remittance-ingest", s_functionTimeout, time), cancellationToken)
                .ConfigureAwait(false);
            return response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A crashed invocation returns the whole batch to the queue, as SQS does when the function errors.
            return batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        }
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(
        IAmazonDynamoDB dynamoDb,
        string tableName,
        CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = tableName, ExclusiveStartKey = start, ConsistentRead = true },
                cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items;
    }
}
