using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.DynamoDBStreams;
using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Local.Faults;
using Remittance.Local.Input;
using Remittance.Local.Lambda;
using Remittance.Local.Sqs;
using Remittance.Local.StepFunctions;
using Remittance.Local.Streams;
using Remittance.Local.Workflows;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Local.Run;

/// <summary>
/// One use of the tracked-workflow pattern on the local host — its queue, ingest function, table stream, stream
/// function, workflow runner, status rule and sweeper — wired exactly as the CDK construct wires them in AWS.
/// The enrichment and notification services are two instances.
/// </summary>
public sealed class LocalService : IDisposable
{
    private static readonly TimeSpan s_functionTimeout = TimeSpan.FromSeconds(30);
    private readonly TimeProvider _time;
    private readonly int _concurrency;
    private readonly IngestFunction _ingest;
    private readonly StreamFunction _stream;
    private readonly StatusFunction _status;
    private readonly Sweeper _sweeper;
    private readonly RemittanceServices _services;
    private int _ingestInvocations;

    public LocalService(
        string name,
        RemittanceOptions options,
        RemittanceEdges edges,
        IAmazonDynamoDB functionsDynamoDb,
        IAmazonDynamoDBStreams streams,
        string streamArn,
        ITopicPublisher topics,
        FaultPlan faults,
        int seed,
        int concurrency,
        int maxReceiveCount,
        Func<RemittanceServices, IReadOnlyList<IWorkflowStep>> steps)
    {
        Name = name;
        _time = edges.Time ?? TimeProvider.System;
        _concurrency = concurrency;
        var slot = new StepFunctionsSlot();
        _services = RemittanceServices.Create(options, FunctionName.Workflow, edges with { DynamoDb = functionsDynamoDb, StepFunctions = slot });
        Definition = WorkflowCatalog.ForService(options.Service);
        var runner = new LocalWorkflowRunner(Definition,
            new WorkflowTaskRunner(steps(_services).Select(step => new FaultInjectingStep(step, faults, name))), functionsDynamoDb,
            options.TableName!, topics, _time, LocalRunOptions.RetryTimeScale, new Random(seed), (state, executionName) => StateFault(state, FaultKeys.Scoped(name, executionName), faults));
        StepFunctions = new LocalStepFunctions(_time, runner: runner)
        {
            StartFault = executionName => faults.ShouldFail("startExecution", FaultKeys.Scoped(name, executionName)) ? new Aws.StepFunctions.ThrottlingException("injected fault: Rate exceeded") : null,
            StatusChanged = OnStatusChangedAsync,
        };
        slot.Target = StepFunctions;
        Queue = new LocalQueue(_time, maxReceiveCount);
        _ingest = new IngestFunction(_services.CreateIngestProcessor(), IngestResults.Enqueue);
        _stream = new StreamFunction(_services.CreateStartProcessor(), StartResults.Enqueue);
        _status = new StatusFunction(_services.CreateExecutionStatusProcessor(), StatusOutcomes.Enqueue);
        _sweeper = _services.CreateSweeper(AllFunctions.SweeperSettingsFor(_services));
        Poller = new LocalStreamPoller(streams, streamArn,
            (e, ct) => _stream.HandleAsync(e, new LocalLambdaContext($"{name}-stream", s_functionTimeout, _time), ct));
    }

    public string Name { get; }

    public string TableName => _services.Options.TableName!;

    public WorkflowDefinition Definition { get; }

    public LocalQueue Queue { get; }

    public LocalStepFunctions StepFunctions { get; }

    public LocalStreamPoller Poller { get; }

    public ConcurrentQueue<IngestResult> IngestResults { get; } = new();

    public ConcurrentQueue<StartResult> StartResults { get; } = new();

    public ConcurrentQueue<StatusOutcome> StatusOutcomes { get; } = new();

    public List<SweepSummary> Sweeps { get; } = [];

    public int IngestInvocations => Volatile.Read(ref _ingestInvocations);

    /// <summary>Starts reading the stream after what is already in it (tables kept from an earlier run).</summary>
    public Task CheckpointStreamAsync(CancellationToken cancellationToken) => Poller.CheckpointAtLatestAsync(cancellationToken);

    /// <summary>
    /// Delivers everything queued to the ingest function (redelivering reported failures) while reading the stream
    /// into the stream function, until both are drained. Returns how many queue messages and stream records moved.
    /// </summary>
    public async Task<int> PumpAsync(IProgress<int>? settled, CancellationToken cancellationToken)
    {
        var moved = 0;
        var done = new TaskCompletionSource();
        var workers = Enumerable.Range(0, _concurrency).Select(_ => Task.Run(async () =>
        {
            while (!Queue.IsDrained)
            {
                var batch = Queue.Receive();
                if (batch.Count == 0)
                {
                    // Others still hold messages that may come back; wait for them to settle.
                    await Task.Delay(5, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Interlocked.Increment(ref _ingestInvocations);
                var failed = await InvokeIngestAsync(batch, cancellationToken).ConfigureAwait(false);
                Queue.Complete(batch, failed);
                Interlocked.Add(ref moved, batch.Count);
                settled?.Report(batch.Count(m => !failed.Contains(m.MessageId) || m.ReceiveCount >= Queue.MaxReceiveCount));
            }
        }, cancellationToken)).ToList();
        var ingestion = Task.WhenAll(workers).ContinueWith(_ => done.TrySetResult(), TaskScheduler.Default);

        // The stream is read while ingest runs, as Lambda would; it is drained once ingest has finished and the
        // stream has nothing more to give.
        var idlePolls = 0;
        while (idlePolls < 2)
        {
            var read = await Poller.PollOnceAsync(cancellationToken).ConfigureAwait(false);
            if (read > 0)
            {
                idlePolls = 0;
                moved += read;
            }
            else if (done.Task.IsCompleted)
            {
                idlePolls++;
            }
            else
            {
                await Task.WhenAny(done.Task, Task.Delay(20, cancellationToken)).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        await ingestion.ConfigureAwait(false);
        return moved;
    }

    /// <summary>Runs the sweeper once (as its schedule would); returns how many runs it re-drove.</summary>
    public async Task<int> SweepAsync(SweepRequest request, CancellationToken cancellationToken)
    {
        var summary = await _sweeper.SweepAsync(request, cancellationToken).ConfigureAwait(false);
        Sweeps.Add(summary);
        return summary.ReDriven.Total;
    }

    public async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB dynamoDb, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = TableName, ExclusiveStartKey = start, ConsistentRead = true },
                cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items;
    }

    public void Dispose() => _services.Dispose();

    private async Task OnStatusChangedAsync(LocalExecution execution, CancellationToken cancellationToken)
    {
        // The EventBridge rule in AWS matches only these statuses; success is recorded by the workflow itself.
        if (!LocalEvents.StatusRuleMatches(execution.Status))
        {
            return;
        }

        var statusEvent = LocalEvents.StatusChange(execution, StepFunctions, _time.GetUtcNow());

        // EventBridge retries a failed target; locally, a few bounded attempts stand in for that.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _status.HandleAsync(statusEvent, new LocalLambdaContext($"{Name}-status", s_functionTimeout, _time), cancellationToken)
                    .ConfigureAwait(false);
                return;
            }
            catch (Exception) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<HashSet<string>> InvokeIngestAsync(IReadOnlyList<QueuedMessage> batch, CancellationToken cancellationToken)
    {
        var sqsEvent = LocalEvents.Sqs(batch, $"remittance-{Name}-ingest-local");

        try
        {
            var response = await _ingest.HandleAsync(sqsEvent, new LocalLambdaContext($"{Name}-ingest", s_functionTimeout, _time), cancellationToken)
                .ConfigureAwait(false);
            return response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A crashed invocation returns the whole batch to the queue, as SQS does when the function errors.
            return batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        }
    }

    private static Exception? StateFault(TaskState state, string key, FaultPlan faults) => state switch
    {
        PublishState when faults.ShouldFail("publish", key) => new InvalidOperationException("injected fault: SNS publish failed"),
        RecordSuccessState when faults.ShouldFail("record", key) => new AmazonDynamoDBException("injected fault: throttled")
        {
            ErrorCode = "ProvisionedThroughputExceededException",
            StatusCode = System.Net.HttpStatusCode.BadRequest,
        },
        _ => null,
    };
}
