namespace Remittance.Aws.StepFunctions;

/// <summary>The Step Functions operations this project uses, with the SDK's names and shapes.</summary>
public interface IAmazonStepFunctions
{
    Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default);

    Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default);

    Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default);
}
