using Remittance.Cost.Metering;

namespace Remittance.Cost.Pricing;

/// <summary>Adds up billable operations by AWS's billing units; divides by the remittances they served.</summary>
public sealed class UsageBuilder(LambdaMemory memory)
{
    public const int SqsChunkBytes = 64 * 1024;
    public const int SnsChunkBytes = 64 * 1024;

    private readonly Dictionary<MeteredFunction, (int Invocations, long BilledMs)> _lambda = [];
    private decimal _requests;
    private decimal _writeUnits;
    private decimal _indexWriteUnits;
    private decimal _indexEntryChanges;
    private decimal _readUnits;
    private decimal _transitions;
    private decimal _sqs;
    private decimal _sns;
    private decimal _stepFunctionsCalls;

    /// <summary>A DynamoDB request as it was priced (control-plane calls are free and not counted).</summary>
    public void AddDynamoDb(DynamoDbCall call)
    {
        if (call.IsControlPlane)
        {
            return;
        }

        _requests++;
        _readUnits += call.ReadUnits;
        foreach (var write in call.Writes)
        {
            AddWrite(write);
        }
    }

    public void AddRequest() => _requests++;

    public void AddReadUnits(decimal units) => _readUnits += units;

    public void AddWrite(ItemWrite write)
    {
        _writeUnits += write.WriteUnits;
        _indexWriteUnits += write.IndexWriteUnits;
        _indexEntryChanges += write.IndexChanges.Sum(c => c.Kind == IndexChangeKind.KeyChanged ? 2 : 1);
    }

    /// <summary>One invocation; Lambda bills its duration rounded up to the millisecond.</summary>
    public void AddLambda(MeteredFunction function, TimeSpan duration)
    {
        var billed = Math.Max(1L, (long)Math.Ceiling(duration.TotalMilliseconds));
        var (invocations, milliseconds) = _lambda.GetValueOrDefault(function);
        _lambda[function] = (invocations + 1, milliseconds + billed);
    }

    public void AddTransitions(int count) => _transitions += count;

    public void AddQueueRequest(QueueRequest request) => _sqs += request.Action == QueueAction.Delete ? 1 : Chunks(request.PayloadBytes, SqsChunkBytes);

    public void AddPublication(Publication publication) => _sns += Chunks(publication.Bytes, SnsChunkBytes);

    public void AddStepFunctionsCalls(int count) => _stepFunctionsCalls += count;

    public Usage Total() => new(
        _requests, _writeUnits, _indexWriteUnits, _indexEntryChanges, _readUnits, _transitions,
        _lambda.Values.Sum(l => l.Invocations),
        _lambda.Sum(l => GbSeconds(l.Key, l.Value.BilledMs)),
        _sqs, _sns, _stepFunctionsCalls);

    public IReadOnlyList<LambdaUse> Lambda(int remittances) =>
    [
        .. _lambda.OrderBy(l => l.Key).Select(l => new LambdaUse(
            l.Key.ToString().ToLowerInvariant(),
            memory.For(l.Key),
            (decimal)l.Value.Invocations / remittances,
            (decimal)l.Value.BilledMs / l.Value.Invocations,
            GbSeconds(l.Key, l.Value.BilledMs) / remittances)),
    ];

    private decimal GbSeconds(MeteredFunction function, long billedMs) => billedMs / 1000m * memory.For(function) / 1024m;

    private static int Chunks(int bytes, int chunk) => Math.Max(1, (bytes + chunk - 1) / chunk);
}
