using System.Collections.Concurrent;
using System.Diagnostics;

namespace Remittance.Cost.Metering;

/// <summary>
/// Everything a metered pipeline run did that AWS bills: DynamoDB requests (priced), Lambda invocations and their
/// durations, state transitions, SQS requests and SNS publishes, each tied to the function invocation that caused it.
/// Which invocation a call belongs to flows with the async context (like <c>Activity.Current</c>), so the functions'
/// code needs no hooks.
/// </summary>
public sealed class CostLedger
{
    private readonly AsyncLocal<CallSite?> _site = new();
    private readonly ConcurrentQueue<DynamoDbCall> _dynamoDb = new();
    private readonly ConcurrentQueue<LambdaInvocation> _invocations = new();
    private readonly ConcurrentQueue<StateTransition> _transitions = new();
    private readonly ConcurrentQueue<QueueRequest> _queueRequests = new();
    private readonly ConcurrentQueue<Publication> _publications = new();
    private readonly ConcurrentDictionary<string, int> _stepFunctionsCalls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, bool> _scheduled = new();
    private long _lastInvocation;
    private long _lastSequence;

    /// <summary>The invocation the current code runs in, if any.</summary>
    public CallSite? Current => _site.Value;

    public IReadOnlyList<DynamoDbCall> DynamoDbCalls => [.. _dynamoDb.OrderBy(c => c.Sequence)];

    public IReadOnlyList<LambdaInvocation> Invocations => [.. _invocations];

    public IReadOnlyList<StateTransition> Transitions => [.. _transitions];

    public IReadOnlyList<QueueRequest> QueueRequests => [.. _queueRequests];

    public IReadOnlyList<Publication> Publications => [.. _publications];

    /// <summary>
    /// Step Functions API calls by service and action (<c>enrichment:StartExecution</c>, …): not billed for Standard
    /// workflows, counted to show what each design asks of the API.
    /// </summary>
    public IReadOnlyDictionary<string, int> StepFunctionsCalls => new Dictionary<string, int>(_stepFunctionsCalls, StringComparer.Ordinal);

    public CallSite NewSite(string service, MeteredFunction function) => new(service, function, Interlocked.Increment(ref _lastInvocation));

    public long NextSequence() => Interlocked.Increment(ref _lastSequence);

    /// <summary>
    /// Runs <paramref name="body"/> as one Lambda invocation of <paramref name="function"/>: what it calls is attributed
    /// to the invocation, and its wall-clock duration is recorded (also when it throws: Lambda bills failed invocations).
    /// </summary>
    public async Task<(T Result, CallSite Site)> InvokeAsync<T>(
        string service,
        MeteredFunction function,
        int records,
        Func<Task<T>> body)
    {
        var site = NewSite(service, function);
        _site.Value = site;
        var clock = Stopwatch.StartNew();
        try
        {
            return (await body().ConfigureAwait(false), site);
        }
        finally
        {
            _invocations.Enqueue(new LambdaInvocation(site, clock.Elapsed, records, null, []));
        }
    }

    /// <summary>Attributes what <paramref name="body"/> calls to <paramref name="site"/> without recording an invocation.</summary>
    public async Task<T> WithinAsync<T>(CallSite site, Func<Task<T>> body)
    {
        _site.Value = site;
        return await body().ConfigureAwait(false);
    }

    public void Add(DynamoDbCall call) => _dynamoDb.Enqueue(call);

    public void Add(LambdaInvocation invocation) => _invocations.Enqueue(invocation);

    public void Add(StateTransition transition) => _transitions.Enqueue(transition);

    public void Add(QueueRequest request) => _queueRequests.Enqueue(request);

    public void Add(Publication publication) => _publications.Enqueue(publication);

    public void CountStepFunctionsCall(string service, string action) => _stepFunctionsCalls.AddOrUpdate(service + ":" + action, 1, (_, n) => n + 1);

    /// <summary>
    /// Marks an invocation as the schedule's rather than a remittance's (a sweep that found nothing to re-drive): its
    /// cost is paid every few minutes whatever the volume, so it is reported as a fixed monthly cost.
    /// </summary>
    public void MarkScheduled(CallSite site) => _scheduled[site.Invocation] = true;

    public bool IsScheduled(CallSite? site) => site is not null && _scheduled.ContainsKey(site.Invocation);
}
