using System.Collections.Concurrent;
using Remittance.Aws.StepFunctions;

namespace Remittance.IntegrationTests.Endpoints;

/// <summary>The in-process side of the endpoint: records what arrived and answers (or throws) as each test scripts.</summary>
internal sealed class FakeStepFunctionsBackend : IAmazonStepFunctions
{
    public ConcurrentQueue<StartExecutionRequest> Starts { get; } = new();

    public ConcurrentQueue<DescribeExecutionRequest> Describes { get; } = new();

    public ConcurrentQueue<RedriveExecutionRequest> Redrives { get; } = new();

    public Func<StartExecutionRequest, StartExecutionResponse> OnStart { get; init; } = _ => throw new NotSupportedException("No StartExecution scripted.");

    public Func<DescribeExecutionRequest, DescribeExecutionResponse> OnDescribe { get; init; } = _ => throw new NotSupportedException("No DescribeExecution scripted.");

    public Func<RedriveExecutionRequest, RedriveExecutionResponse> OnRedrive { get; init; } = _ => throw new NotSupportedException("No RedriveExecution scripted.");

    public async Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Starts.Enqueue(request);
        // Answer asynchronously, as a real backend would, so concurrent calls overlap inside the endpoint.
        await Task.Yield();
        return OnStart(request);
    }

    public async Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Describes.Enqueue(request);
        await Task.Yield();
        return OnDescribe(request);
    }

    public async Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Redrives.Enqueue(request);
        await Task.Yield();
        return OnRedrive(request);
    }
}
