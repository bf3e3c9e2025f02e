using System.Net;

namespace Remittance.Aws.Runtime;

/// <summary>The error codes the SDKs' standard retry mode treats as throttling or transient.</summary>
public static class AwsErrorCodes
{
    private static readonly HashSet<string> s_throttling = new(StringComparer.Ordinal)
    {
        "Throttling",
        "Throttled",
        "KMSThrottling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> s_transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout",
        "RequestTimeoutException",
        "InternalError",
        "InternalFailure",
        "InternalServerError",
        "ServiceUnavailable",
    };

    public static bool IsThrottling(string? errorCode, HttpStatusCode statusCode) =>
        statusCode == HttpStatusCode.TooManyRequests || (errorCode is not null && s_throttling.Contains(errorCode));

    public static bool IsTransient(string? errorCode) => errorCode is not null && s_transient.Contains(errorCode);
}
