using Remittance.Aws.StepFunctions;

namespace Remittance.Local.StepFunctions;

/// <summary>
/// Lets the composition root be built before the local Step Functions exists: the workflow runner needs the services
/// (for its steps) and the services need a Step Functions client (for the stream function); this breaks the cycle.
/// </summary>
public sealed class StepFunctionsSlot : IAmazonStepFunctions
{
    public IAmazonStepFunctions? Target { get; set; }

    private IAmazonStepFunctions Client => Target ?? throw new InvalidOperationException("The local Step Functions is not wired yet.");

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default) =>
        Client.StartExecutionAsync(request, cancellationToken);

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        Client.DescribeExecutionAsync(request, cancellationToken);

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default) =>
        Client.RedriveExecutionAsync(request, cancellationToken);
}
