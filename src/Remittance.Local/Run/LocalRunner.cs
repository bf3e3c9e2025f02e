using System.Diagnostics;
using Amazon.DynamoDBv2;
using Remittance.DynamoDbLocal;
using Remittance.Local.Faults;
using Remittance.Local.Input;
using Remittance.Local.Lambda;
using Remittance.Local.Sns;
using Remittance.Local.Streams.Client;
using Remittance.Notifications.Outbox;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Sweeping;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps.Notification;

namespace Remittance.Local.Run;

/// <summary>
/// Runs the pipeline on a laptop with the same function code Lambda runs: a real DynamoDB Local (tables and streams),
/// the ingest function fed as SQS would, the stream function fed from the real stream, the workflows run by the
/// local runner, failures recorded by the status function and re-driven by the sweeper until nothing is eligible.
/// </summary>
public static class LocalRunner
{
    /// <summary>Sweeps after which a run stops even if something is still eligible (each failing run is bounded by the threshold anyway).</summary>
    public const int MaxSweeps = 20;

    /// <summary>How long a service whose feeder is still at work waits after a pump that found nothing.</summary>
    private static readonly TimeSpan IdleFeederWait = TimeSpan.FromMilliseconds(100);

    /// <summary>How long one local invocation may run (the deployed functions' timeouts are 30–60 s).</summary>
    public static readonly TimeSpan FunctionTimeout = TimeSpan.FromSeconds(60);

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
        // One functions' client per service, as each service's functions have their own in AWS; it also keeps the two
        // services' fault draws apart (they work on the same request IDs, side by side).
        using var enrichmentDynamoDb = CreateFunctionsClient(server.ServiceUrl, faults, ServiceCatalog.Enrichment.Name);
        using var notificationDynamoDb = CreateFunctionsClient(server.ServiceUrl, faults, ServiceCatalog.Notification.Name);
        using var streams = new AmazonDynamoDBStreamsClient(DynamoDbLocalClients.Credentials, new AmazonDynamoDBStreamsConfig { ServiceURL = server.ServiceUrl });
        await TableSetup.EnsureTableAsync(dynamoDb, options.TableName, cancellationToken).ConfigureAwait(false);
        var invoices = options.InvoicesPath is { } invoicesPath
            ? await InvoiceSeeder.SeedAsync(dynamoDb, options.InvoicesTableName, invoicesPath, cancellationToken).ConfigureAwait(false)
            : await EmptyInvoicesAsync(dynamoDb, options.InvoicesTableName, cancellationToken).ConfigureAwait(false);
        var dynamoDbDescription = $"{server.Mode.ToString().ToLowerInvariant()} at {server.ServiceUrl} (ready in {startup.Elapsed.TotalSeconds:F1} s)";

        var topics = new RecordingTopics();
        var sns = new LocalSns(topics);
        var clients = new Dictionary<string, IAmazonDynamoDB>(StringComparer.Ordinal)
        {
            [ServiceCatalog.Enrichment.Name] = enrichmentDynamoDb,
            [ServiceCatalog.Notification.Name] = notificationDynamoDb,
        };
        await using var runtime = await CreateRuntimeAsync(options, server.ServiceUrl, sns, name => clients[name], cancellationToken).ConfigureAwait(false);
        await using var enrichment = new LocalService(ServiceCatalog.Enrichment,
            new ServiceResources
            {
                TableName = options.TableName,
                StateMachineArn = LocalRunOptions.StateMachineArn(ServiceCatalog.Enrichment),
                TopicArn = LocalSns.TopicArn(WorkflowTopic.Enriched),
                InvoicesTableName = options.InvoicesTableName,
                RetryThreshold = options.RetryThreshold,
            },
            runtime, enrichmentDynamoDb, streams, await TableSetup.StreamArnAsync(dynamoDb, options.TableName, cancellationToken).ConfigureAwait(false),
            topics, faults, options.Seed, options.Concurrency, options.MaxReceiveCount, time, options.FunctionLog);
        await TableSetup.EnsureTableAsync(dynamoDb, options.NotificationTableName, cancellationToken).ConfigureAwait(false);
        await using var notification = new LocalService(ServiceCatalog.Notification,
            new ServiceResources
            {
                TableName = options.NotificationTableName,
                StateMachineArn = LocalRunOptions.StateMachineArn(ServiceCatalog.Notification),
                NotificationCatalogDirectory = Path.GetFullPath(options.NotificationCatalogDirectory),
                RetryThreshold = options.RetryThreshold,
            },
            runtime, notificationDynamoDb, streams, await TableSetup.StreamArnAsync(dynamoDb, options.NotificationTableName, cancellationToken).ConfigureAwait(false),
            topics, faults, options.Seed + 1, options.Concurrency, options.MaxReceiveCount, time, options.FunctionLog);
        var services = new[] { enrichment, notification };
        foreach (var service in services)
        {
            await service.CheckpointStreamAsync(cancellationToken).ConfigureAwait(false);
        }

        // SNS → the notification service's queue (raw message delivery), and the delivery channel → the outbox.
        var outbox = new OutboxWriter(options.OutboxDirectory);
        var sent = new System.Collections.Concurrent.ConcurrentQueue<(string RequestId, OutboxWriteResult Result, string TemplateId)>();
        topics.Subscribers[WorkflowTopic.Enriched] = (requestId, message, _) =>
        {
            notification.Queue.Send(new InputMessage("enriched:" + requestId, message));
            return Task.CompletedTask;
        };
        topics.Subscribers[WorkflowTopic.NotificationOutbox] = async (requestId, message, ct) =>
        {
            var rendered = RenderedNotificationJson.FromJson(System.Text.Json.Nodes.JsonNode.Parse(message));
            sent.Enqueue((requestId, await outbox.WriteAsync(rendered, ct).ConfigureAwait(false), rendered.TemplateId));
        };

        var sources = new Dictionary<string, InputMessage>(StringComparer.Ordinal);
        var order = new List<string>(messages.Count);
        foreach (var message in messages)
        {
            var id = enrichment.Queue.Send(message);
            sources[id] = message;
            order.Add(id);
        }

        var clock = Stopwatch.StartNew();
        var settledCount = 0;
        var settled = new Progress<int>(n => progress?.Report(new LocalRunProgress(Interlocked.Add(ref settledCount, n), messages.Count, "ingesting")));
        var sweeps = 0;
        while (true)
        {
            // Pump every service until no message or stream record moves and no workflow runs: a workflow's publish
            // feeds the next service's queue, so this repeats until the whole pipeline is quiet.
            var moved = await PumpChainAsync(services, settled, cancellationToken).ConfigureAwait(false);

            if (moved > 0)
            {
                continue;
            }

            if (sweeps == MaxSweeps)
            {
                break;
            }

            // Quiet: run each service's sweeper once (stuck threshold 0, since local time is compressed).
            progress?.Report(new LocalRunProgress(messages.Count, messages.Count, $"sweep {sweeps + 1}"));
            sweeps++;
            var reDriven = 0;
            foreach (var service in services)
            {
                reDriven += await service.SweepAsync(new SweepRequest { StuckAfterMinutes = 0 }, cancellationToken).ConfigureAwait(false);
                await service.StepFunctions.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
            }

            if (reDriven == 0)
            {
                break;
            }
        }

        var elapsed = clock.Elapsed;
        progress?.Report(new LocalRunProgress(messages.Count, messages.Count, "reporting"));
        var items = await enrichment.ScanAsync(dynamoDb, cancellationToken).ConfigureAwait(false);
        var notificationItems = await notification.ScanAsync(dynamoDb, cancellationToken).ConfigureAwait(false);
        return LocalRunReportBuilder.Build(new LocalRunFacts(
            inputDescription, time.GetUtcNow() - elapsed, elapsed, dynamoDbDescription, order, sources, enrichment, items, topics,
            invoices, faults, options.Seed, runtime.Description, notification, notificationItems, [.. sent.Select(s => new SentNotification(s.RequestId, s.TemplateId, s.Result))],
            outbox.Directory));
    }

    /// <summary>The functions' runtime: in process with the services' clients as edges, or the published binary.</summary>
    private static Task<ILocalRuntime> CreateRuntimeAsync(LocalRunOptions options, string dynamoDbUrl, LocalSns sns,
        Func<string, IAmazonDynamoDB> clients, CancellationToken cancellationToken) => options.Runtime switch
    {
        LocalRuntimeKind.Process => ProcessRuntime.StartAsync(options, dynamoDbUrl, sns, cancellationToken),
        _ => Task.FromResult<ILocalRuntime>(new InProcessRuntime(clients, sns, options.Time, FunctionTimeout)),
    };

    private static async Task<int> EmptyInvoicesAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        await TableSetup.EnsureTableAsync(dynamoDb, InvoicesTableSchema.CreateTableRequest(tableName), cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>The functions' DynamoDB client: the real DynamoDB Local, throttled at the HTTP boundary when asked to.</summary>
    private static AmazonDynamoDBClient CreateFunctionsClient(string serviceUrl, FaultPlan faults, string service)
    {
        var config = DynamoDbLocalClients.CreateConfig(serviceUrl);
        if (faults.Rates.ContainsKey("dynamodb"))
        {
            config.HttpClientFactory = new HandlerHttpClientFactory(new FaultInjectingHttpHandler(
                (target, body) => faults.ShouldFail("dynamodb", FaultKeys.Scoped(service, FaultKeys.OfDynamoDbRequest(target, body))), System.Net.HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException"));
        }

        return new AmazonDynamoDBClient(DynamoDbLocalClients.Credentials, config);
    }

    /// <summary>
    /// Pumps the services side by side, as they run in AWS: each keeps pumping while the one feeding it is still at
    /// work, so the notification service handles the first envelopes while enrichment is still ingesting. Whatever
    /// arrives after a service's last pump is picked up by the caller's next round. Returns how much moved.
    /// </summary>
    private static async Task<int> PumpChainAsync(IReadOnlyList<LocalService> services, IProgress<int> settled, CancellationToken cancellationToken)
    {
        var moved = 0;
        var pumps = new List<Task>(services.Count);
        Task? feeder = null;
        foreach (var service in services)
        {
            var upstream = feeder;
            var progress = pumps.Count == 0 ? settled : null;
            feeder = Task.Run(async () =>
            {
                while (true)
                {
                    var feederRunning = upstream is { IsCompleted: false };
                    var count = await service.PumpAsync(progress, cancellationToken).ConfigureAwait(false);
                    await service.StepFunctions.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
                    Interlocked.Add(ref moved, count);
                    if (!feederRunning)
                    {
                        return;
                    }

                    if (count == 0)
                    {
                        // Nothing yet: wait a little (as an event source's poller does) rather than hammer DynamoDB Local.
                        await Task.WhenAny(upstream!, Task.Delay(IdleFeederWait, cancellationToken)).ConfigureAwait(false);
                    }
                }
            }, cancellationToken);
            pumps.Add(feeder);
        }

        await Task.WhenAll(pumps).ConfigureAwait(false);
        return moved;
    }
}
