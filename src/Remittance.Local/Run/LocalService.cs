using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.Lambda.DynamoDBEvents;
using Remittance.Aws.Lambda.SQSEvents;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Local.Faults;
using Remittance.Local.Lambda;
using Remittance.Local.RuntimeApi;
using Remittance.Local.Sns;
using Remittance.Local.Sqs;
using Remittance.Local.StepFunctions;
using Remittance.Local.Streams;
using Remittance.Local.Streams.Client;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Sweeping;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;

namespace Remittance.Local.Run;

/// <summary>
/// One use of the tracked-workflow pattern on the local host — its queue, ingest function, table stream, stream
/// function, workflow (run by the local Step Functions, calling the workflow function), status rule and sweeper —
/// wired as the CDK construct wires them in AWS. Every function gets the environment <see cref="FunctionEnvironment"/>
/// gives it (what the CDK app sets) and runs on <see cref="ILocalRuntime"/>: in process or the real binary.
/// </summary>
public sealed class LocalService : IAsyncDisposable
{
    private readonly TimeProvider _time;
    private readonly int _concurrency;
    private readonly ILocalFunction _ingest;
    private readonly ILocalFunction _stream;
    private readonly ILocalFunction _workflow;
    private readonly ILocalFunction _status;
    private readonly ILocalFunction _sweeper;
    private int _ingestInvocations;

    /// <param name="recordDynamoDb">The client the state machine's native DynamoDB state uses (Step Functions' own, not a function's).</param>
    public LocalService(
        ServiceDefinition service,
        ServiceResources resources,
        ILocalRuntime runtime,
        IAmazonDynamoDB recordDynamoDb,
        IAmazonDynamoDBStreams streams,
        string streamArn,
        RecordingTopics topics,
        FaultPlan faults,
        int seed,
        int concurrency,
        int maxReceiveCount,
        TimeProvider time,
        TextWriter? functionLog)
    {
        Service = service;
        Name = service.Name;
        TableName = resources.TableName;
        _time = time;
        _concurrency = concurrency;
        Log = new FunctionLogObserver(functionLog);
        StepFunctions = new LocalStepFunctions(_time)
        {
            StartFault = executionName => faults.ShouldFail("startExecution", FaultKeys.Scoped(Name, executionName)) ? new Aws.StepFunctions.ThrottlingException("injected fault: Rate exceeded") : null,
            StatusChanged = OnStatusChangedAsync,
        };

        ILocalFunction Start(FunctionName function) =>
            runtime.Start(Name, function, FunctionEnvironment.For(function, service, resources), StepFunctions, line => Log.Observe(Name, line));
        _ingest = Start(FunctionName.Ingest);
        _stream = Start(FunctionName.Stream);
        _workflow = Start(FunctionName.Workflow);
        _status = Start(FunctionName.Status);
        _sweeper = Start(FunctionName.Sweeper);

        StepFunctions.Runner = new LocalWorkflowRunner(service.Workflow, new FunctionTaskInvoker(_workflow, faults, Name), recordDynamoDb,
            resources.TableName, topics, _time, LocalRunOptions.RetryTimeScale, new Random(seed),
            (state, executionName) => StateFault(state, FaultKeys.Scoped(Name, executionName), faults));
        Queue = new LocalQueue(_time, maxReceiveCount);
        Poller = new LocalStreamPoller(streams, streamArn, InvokeStreamAsync);
    }

    public ServiceDefinition Service { get; }

    public string Name { get; }

    public string TableName { get; }

    public WorkflowDefinition Definition => Service.Workflow;

    public LocalQueue Queue { get; }

    public LocalStepFunctions StepFunctions { get; }

    public LocalStreamPoller Poller { get; }

    /// <summary>What the functions logged, read for the report.</summary>
    public FunctionLogObserver Log { get; }

    public IEnumerable<IngestResult> IngestResults => Log.IngestResults;

    public IEnumerable<StartResult> StartResults => Log.StartResults;

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

    /// <summary>Invokes the sweeper function once (as its schedule would); returns how many runs it re-drove.</summary>
    public async Task<int> SweepAsync(SweepRequest request, CancellationToken cancellationToken)
    {
        var result = await _sweeper.InvokeAsync(JsonSerializer.SerializeToUtf8Bytes(request, SweepJsonContext.Default.SweepRequest), cancellationToken)
            .ConfigureAwait(false);
        var summary = Succeeded(result, "sweeper") is { } payload
            ? JsonSerializer.Deserialize(payload, SweepJsonContext.Default.SweepSummary)
            : null;
        if (summary is null)
        {
            throw new FunctionFailedException($"The {Name} sweeper answered no summary.");
        }

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

    public async ValueTask DisposeAsync()
    {
        foreach (var function in (ILocalFunction[])[_ingest, _stream, _workflow, _status, _sweeper])
        {
            await function.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<StreamsEventResponse> InvokeStreamAsync(DynamoDBEvent streamEvent, CancellationToken cancellationToken)
    {
        var result = await _stream.InvokeAsync(JsonSerializer.SerializeToUtf8Bytes(streamEvent, AwsEventsJsonContext.Default.DynamoDBEvent), cancellationToken)
            .ConfigureAwait(false);
        return JsonSerializer.Deserialize(Succeeded(result, "stream") ?? "{}"u8.ToArray(), AwsEventsJsonContext.Default.StreamsEventResponse)
               ?? new StreamsEventResponse();
    }

    private async Task OnStatusChangedAsync(LocalExecution execution, CancellationToken cancellationToken)
    {
        // The EventBridge rule in AWS matches only these statuses; success is recorded by the workflow itself.
        if (!LocalEvents.StatusRuleMatches(execution.Status))
        {
            return;
        }

        var statusEvent = JsonSerializer.SerializeToUtf8Bytes(LocalEvents.StatusChange(execution, StepFunctions, _time.GetUtcNow()),
            AwsEventsJsonContext.Default.StepFunctionsExecutionStatusChangeEvent);

        // A failed invocation is a failed delivery; after the last retry, its error is the local run's.
        await LocalEvents.DeliverStatusChangeAsync(
            async token => Succeeded(await _status.InvokeAsync(statusEvent, token).ConfigureAwait(false), "status"),
            failure => failure is FunctionFailedException, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HashSet<string>> InvokeIngestAsync(IReadOnlyList<QueuedMessage> batch, CancellationToken cancellationToken)
    {
        var sqsEvent = JsonSerializer.SerializeToUtf8Bytes(LocalEvents.Sqs(batch, $"remittance-{Name}-ingest-local"), AwsEventsJsonContext.Default.SQSEvent);
        var result = await _ingest.InvokeAsync(sqsEvent, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // A failed invocation returns the whole batch to the queue, as SQS does when the function errors.
            return batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        }

        var response = JsonSerializer.Deserialize(result.Payload, AwsEventsJsonContext.Default.SQSBatchResponse) ?? new SQSBatchResponse();
        return response.BatchItemFailures.Select(f => f.ItemIdentifier).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The response of a successful invocation; a failed one is an error naming the function and why.</summary>
    private byte[]? Succeeded(LocalInvocationResult result, string function) => result.Succeeded
        ? result.Payload
        : throw new FunctionFailedException(
            $"The {Name} {function} function failed ({result.Status}): {result.Error?.ErrorType ?? result.ErrorType}: {result.Error?.ErrorMessage ?? result.PayloadText}");

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
