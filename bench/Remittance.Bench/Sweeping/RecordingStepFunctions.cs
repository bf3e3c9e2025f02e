using System.Collections.Concurrent;
using System.Diagnostics;
using Remittance.Aws.StepFunctions;

namespace Remittance.Bench.Sweeping;

/// <summary>Records when each StartExecution/RedriveExecution call arrives (Stopwatch ticks), then hands it to the stand-in.</summary>
public sealed class RecordingStepFunctions(IAmazonStepFunctions inner) : IAmazonStepFunctions
{
    public ConcurrentQueue<long> Starts { get; } = new();

    public int Count => Starts.Count;

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Starts.Enqueue(Stopwatch.GetTimestamp());
        return inner.StartExecutionAsync(request, cancellationToken);
    }

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        inner.DescribeExecutionAsync(request, cancellationToken);

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Starts.Enqueue(Stopwatch.GetTimestamp());
        return inner.RedriveExecutionAsync(request, cancellationToken);
    }
}
