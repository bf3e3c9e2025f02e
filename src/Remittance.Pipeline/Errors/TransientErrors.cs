using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Remittance.Aws.Runtime;

namespace Remittance.Pipeline.Errors;

/// <summary>
/// Decides whether a failure may go away on retry (throttling, 5xx, timeouts, connection faults). Only those are
/// handed back to the event source; everything else is recorded where a person can see it.
/// </summary>
public static class TransientErrors
{
    private static readonly HashSet<string> s_throttlingCodes = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "Throttling",
        "RequestLimitExceeded",
        "TooManyRequestsException",
        "LimitExceededException",
        "TransactionConflictException",
        "ServiceUnavailable",
        "InternalServerError",
        "InternalFailure",
        "ExecutionLimitExceeded",
    };

    public static bool IsTransient(Exception exception) => exception switch
    {
        AmazonServiceException service => (int)service.StatusCode >= 500
                                          || service.StatusCode == HttpStatusCode.TooManyRequests
                                          || (service.ErrorCode is { } code && s_throttlingCodes.Contains(code)),
        AwsServiceException service => service.IsRetryable || (service.ErrorCode is { } awsCode && s_throttlingCodes.Contains(awsCode)),
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        // A cancelled call (deadline reached) did not fail for good: the record goes back to its source.
        OperationCanceledException => true,
        AmazonClientException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    /// <summary>True when the failure was caused by the data sent (so retrying the same data cannot help).</summary>
    public static bool IsCausedByInput(Exception exception) =>
        exception is AmazonServiceException { ErrorCode: "ValidationException" } service
        && (int)service.StatusCode is >= 400 and < 500;
}
