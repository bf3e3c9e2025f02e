using System.Net;

namespace Remittance.Aws.Runtime;

/// <summary>
/// An error answered by an AWS service. Each client derives its own base from this (as the SDK's service exceptions
/// derive from AmazonServiceException) and maps known error codes to specific types.
/// </summary>
public class AwsServiceException : Exception
{
    public AwsServiceException(string message)
        : this(message, null, null, null, HttpStatusCode.BadRequest)
    {
    }

    public AwsServiceException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        RequestId = requestId;
        StatusCode = statusCode;
    }

    /// <summary>The service's error code without its namespace, such as "ExecutionAlreadyExists".</summary>
    public string? ErrorCode { get; }

    /// <summary>The x-amzn-RequestId of the failed call, for AWS support and CloudTrail.</summary>
    public string? RequestId { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The service asked the caller to slow down (429, or a throttling error code).</summary>
    public bool IsThrottling => AwsErrorCodes.IsThrottling(ErrorCode, StatusCode);

    /// <summary>The same request may succeed later: throttling, a 5xx, or a transient error code.</summary>
    public bool IsRetryable => IsThrottling || (int)StatusCode >= 500 || AwsErrorCodes.IsTransient(ErrorCode);
}
