using System.Net;
using Amazon.Runtime;
using Remittance.Aws.Runtime;

namespace Remittance.Aws.StepFunctions;

/// <summary>
/// A Step Functions client over the AWS JSON 1.0 protocol (target prefix AWSStepFunctions, signing name states),
/// standing in for AWSSDK.StepFunctions. Credentials come from the SDK's default chain unless given.
/// </summary>
public sealed class AmazonStepFunctionsClient : IAmazonStepFunctions, IDisposable
{
    private static readonly AwsServiceDefinition s_service = new("AWSStepFunctions", "states", "states", CreateException);

    private readonly AwsJsonProtocolClient _protocol;

    public AmazonStepFunctionsClient()
        : this(null, new AmazonStepFunctionsConfig())
    {
    }

    public AmazonStepFunctionsClient(AmazonStepFunctionsConfig config)
        : this(null, config)
    {
    }

    public AmazonStepFunctionsClient(AWSCredentials? credentials, AmazonStepFunctionsConfig config) =>
        _protocol = new AwsJsonProtocolClient(s_service, config, credentials);

    /// <summary>Where requests go (the region's endpoint, or the ServiceURL).</summary>
    public Uri Endpoint => _protocol.Endpoint;

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default) =>
        _protocol.InvokeAsync("StartExecution", request, StepFunctionsJsonContext.Default.StartExecutionRequest,
            StepFunctionsJsonContext.Default.StartExecutionResponse, cancellationToken);

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        _protocol.InvokeAsync("DescribeExecution", request, StepFunctionsJsonContext.Default.DescribeExecutionRequest,
            StepFunctionsJsonContext.Default.DescribeExecutionResponse, cancellationToken);

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default) =>
        _protocol.InvokeAsync("RedriveExecution", request, StepFunctionsJsonContext.Default.RedriveExecutionRequest,
            StepFunctionsJsonContext.Default.RedriveExecutionResponse, cancellationToken);

    public void Dispose() => _protocol.Dispose();

    private static AwsServiceException CreateException(string code, string message, string? requestId, HttpStatusCode status) => code switch
    {
        "ExecutionAlreadyExists" => new ExecutionAlreadyExistsException(message, null, code, requestId, status),
        "ExecutionDoesNotExist" => new ExecutionDoesNotExistException(message, null, code, requestId, status),
        "ExecutionNotRedrivable" => new ExecutionNotRedrivableException(message, null, code, requestId, status),
        "ExecutionLimitExceeded" => new ExecutionLimitExceededException(message, null, code, requestId, status),
        "InvalidArn" => new InvalidArnException(message, null, code, requestId, status),
        "InvalidName" => new InvalidNameException(message, null, code, requestId, status),
        "InvalidExecutionInput" => new InvalidExecutionInputException(message, null, code, requestId, status),
        "StateMachineDoesNotExist" => new StateMachineDoesNotExistException(message, null, code, requestId, status),
        "StateMachineDeleting" => new StateMachineDeletingException(message, null, code, requestId, status),
        "ValidationException" => new ValidationException(message, null, code, requestId, status),
        "ThrottlingException" or "Throttling" => new ThrottlingException(message, null, code, requestId, status),
        _ => new AmazonStepFunctionsException(message, null, code, requestId, status),
    };
}
