using Remittance.Aws.StepFunctions;
using Remittance.Cost.Metering;

namespace Remittance.Cost.MeteredRun;

/// <summary>Counts the Step Functions API calls the functions make (free for Standard workflows, shown for completeness).</summary>
public sealed class MeteredStepFunctions(string service, IAmazonStepFunctions inner, CostLedger ledger) : IAmazonStepFunctions
{
    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ledger.CountStepFunctionsCall(service, "StartExecution");
        return inner.StartExecutionAsync(request, cancellationToken);
    }

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ledger.CountStepFunctionsCall(service, "DescribeExecution");
        return inner.DescribeExecutionAsync(request, cancellationToken);
    }

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default)
    {
        ledger.CountStepFunctionsCall(service, "RedriveExecution");
        return inner.RedriveExecutionAsync(request, cancellationToken);
    }
}
