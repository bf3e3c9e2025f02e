using System.Globalization;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Cost.Metering;
using Remittance.Domain;
using Remittance.Local.Input;
using Remittance.Local.Lambda;
using Remittance.Local.Run;
using Remittance.Local.Sns;
using Remittance.Local.Sqs;
using Remittance.Local.StepFunctions;
using Remittance.Local.Streams;
using Remittance.Local.Streams.Client;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Cost.MeteredRun;

/// <summary>
/// One use of the tracked-workflow pattern wired as the CDK construct wires it, from the same function shells and
/// local stand-ins as <see cref="LocalService"/>, with every billable act metered: each SQS batch received and deleted,
/// each Lambda invocation timed (ingest, stream, workflow task, status, sweeper), each state entered, each DynamoDB
/// request priced at the HTTP boundary. It runs one thing at a time so that a run is repeatable.
/// </summary>
public sealed class MeteredService : IDisposable
{
    // The sweeper's scheduled input in the deployed stack (docs/DEPLOY.md): retry index and stuck runs.
    private static readonly byte[] s_scheduledSweep = """{"stuckAfterMinutes":30}"""u8.ToArray();
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly CostLedger _ledger;
    private readonly TimeProvider _time;
    private readonly RemittanceServices _services;
    private readonly IngestFunction _ingest;
    private readonly StreamFunction _stream;
    private readonly StatusFunction _status;
    private readonly SweeperFunction _sweeper;
    private readonly LocalStreamPoller _poller;

    public MeteredService(
        ServiceDefinition service,
        ServiceResources resources,
        RemittanceEdges edges,
        IAmazonDynamoDB meteredDynamoDb,
        IAmazonDynamoDBStreams streams,
        string streamArn,
        MeteredTopics topics,
        CostLedger ledger,
        Func<StepContext, string, Exception?>? stepFault)
    {
        Name = service.Name;
        _ledger = ledger;
        _time = edges.Time ?? TimeProvider.System;
        var slot = new StepFunctionsSlot();
        // One set of services for every function shell, configured with the union of what the CDK app gives each.
        var environment = Enum.GetValues<FunctionName>().SelectMany(f => FunctionEnvironment.For(f, service, resources))
            .GroupBy(v => v.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        var options = RemittanceOptions.FromEnvironment(name => environment.GetValueOrDefault(name));
        _services = RemittanceServices.Create(options, FunctionName.Workflow, service.Profile,
            edges with { DynamoDb = meteredDynamoDb, StepFunctions = new MeteredStepFunctions(Name, slot, ledger), Sns = new LocalSns(topics) });
        var definition = service.Workflow;
        var meter = new WorkflowMeter(Name, definition, ledger);
        var runner = new LocalWorkflowRunner(definition,
            new StepsTaskInvoker(new WorkflowTaskRunner(service.Steps(_services).Select(step => meter.Meter(step, stepFault)))), meteredDynamoDb,
            resources.TableName, topics, _time, LocalRunOptions.RetryTimeScale, new Random(1), (state, _) => meter.OnStateEntered(state));
        StepFunctions = new LocalStepFunctions(_time, runner: meter.Meter(runner)) { StatusChanged = OnStatusChangedAsync };
        slot.Target = StepFunctions;
        Queue = new LocalQueue(_time);
        _ingest = new IngestFunction(_services.CreateIngestProcessor());
        _stream = new StreamFunction(_services.CreateStartProcessor());
        _status = new StatusFunction(_services.CreateExecutionStatusProcessor());
        // The sweeper shell as deployed, its metric line (CloudWatch embedded metric format in AWS) discarded.
        _sweeper = new SweeperFunction(_services.CreateSweeper(),
            new FailedItemsMetric(_services.CreateTrackingTable(), Name, _time, TextWriter.Null));
        _poller = new LocalStreamPoller(streams, streamArn, InvokeStreamAsync);
    }

    public string Name { get; }

    public string TableName => _services.Options.TableName!;

    public LocalQueue Queue { get; }

    public LocalStepFunctions StepFunctions { get; }

    public Task CheckpointStreamAsync(CancellationToken cancellationToken) => _poller.CheckpointAtLatestAsync(cancellationToken);

    /// <summary>A message arrives on the ingest queue (SendMessage by a partner, or SNS delivering to the queue).</summary>
    public void Send(InputMessage message)
    {
        Queue.Send(message);
        _ledger.Add(new QueueRequest(Name, QueueAction.Send, 1, Encoding.UTF8.GetByteCount(message.Body)));
    }

    /// <summary>Feeds the queue to the ingest function batch by batch, then the stream to the stream function; returns what moved.</summary>
    public async Task<int> PumpAsync(CancellationToken cancellationToken)
    {
        var moved = 0;
        while (Queue.Receive() is { Count: > 0 } batch)
        {
            _ledger.Add(new QueueRequest(Name, QueueAction.Receive, batch.Count, batch.Sum(m => Encoding.UTF8.GetByteCount(m.Input.Body))));
            var failed = await InvokeIngestAsync(batch, cancellationToken).ConfigureAwait(false);
            Queue.Complete(batch, failed);
            if (batch.Count > failed.Count)
            {
                _ledger.Add(new QueueRequest(Name, QueueAction.Delete, batch.Count - failed.Count, 0));
            }

            moved += batch.Count;
        }

        for (var idlePolls = 0; idlePolls < 2;)
        {
            var read = await _poller.PollOnceAsync(cancellationToken).ConfigureAwait(false);
            moved += read;
            idlePolls = read > 0 ? 0 : idlePolls + 1;
        }

        return moved;
    }

    /// <summary>One scheduled sweep; returns how many runs it re-drove. A sweep that re-drove nothing is the schedule's cost.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var (output, site) = await _ledger.InvokeAsync(Name, MeteredFunction.Sweeper, 0, () => _sweeper.HandleAsync(
            new MemoryStream(s_scheduledSweep, writable: false), Context("sweeper", TimeSpan.FromMinutes(5)), cancellationToken)).ConfigureAwait(false);
        var summary = await JsonSerializer.DeserializeAsync(output, SweepJsonContext.Default.SweepSummary, cancellationToken).ConfigureAwait(false)
                      ?? throw new InvalidOperationException("The sweeper returned no summary.");
        if (summary.Errors.Count > 0)
        {
            throw new InvalidOperationException($"The {Name} sweeper reported errors: {string.Join("; ", summary.Errors.Select(e => $"{e.RequestId}: {e.Error}"))}");
        }

        if (summary.ReDriven.Total == 0)
        {
            _ledger.MarkScheduled(site);
        }

        return summary.ReDriven.Total;
    }

    public void Dispose() => _services.Dispose();

    private async Task<IReadOnlySet<string>> InvokeIngestAsync(IReadOnlyList<QueuedMessage> batch, CancellationToken cancellationToken)
    {
        var sqsEvent = LocalEvents.Sqs(batch, $"remittance-{Name}-ingest-cost");
        try
        {
            var (response, _) = await _ledger.InvokeAsync(Name, MeteredFunction.Ingest, batch.Count,
                () => _ingest.HandleAsync(sqsEvent, Context("ingest", s_timeout), cancellationToken)).ConfigureAwait(false);
            return response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A crashed invocation returns the whole batch to the queue, as SQS does.
            return batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        }
    }

    // The deployed event source filter (CDK: TrackedWorkflowService.StreamFilter) drops everything but inserts of
    // received items before Lambda is invoked: filtered records cost no invocation.
    private async Task<StreamsEventResponse> InvokeStreamAsync(DynamoDBEvent streamEvent, CancellationToken cancellationToken)
    {
        var owned = streamEvent.Records
            .Where(r => Remittance.Pipeline.Start.StartProcessor.Filter.Matches(r.EventName, name => r.Dynamodb.NewImage?.GetValueOrDefault(name)?.S))
            .ToList();
        if (owned.Count == 0)
        {
            return new StreamsEventResponse();
        }

        var (response, _) = await _ledger.InvokeAsync(Name, MeteredFunction.Stream, owned.Count,
            () => _stream.HandleAsync(new DynamoDBEvent { Records = owned }, Context("stream", s_timeout), cancellationToken)).ConfigureAwait(false);
        return response;
    }

    private async Task OnStatusChangedAsync(LocalExecution execution, CancellationToken cancellationToken)
    {
        // The status rule matches only these; success is recorded by the workflow itself.
        if (!LocalEvents.StatusRuleMatches(execution.Status))
        {
            return;
        }

        var statusEvent = LocalEvents.StatusChange(execution, StepFunctions, _time.GetUtcNow());

        // EventBridge retries a failed target; every attempt is a billed invocation.
        await LocalEvents.DeliverStatusChangeAsync(token => _ledger.InvokeAsync(Name, MeteredFunction.Status, 1, async () =>
        {
            await _status.HandleAsync(statusEvent, Context("status", s_timeout), token).ConfigureAwait(false);
            return true;
        }), _ => true, cancellationToken).ConfigureAwait(false);
    }

    private LocalLambdaContext Context(string function, TimeSpan timeout) => new($"{Name}-{function}", timeout, _time);
}
