using System.Net;
using Remittance.Aws.Runtime;

namespace Remittance.Aws.SimpleNotificationService;

/// <summary>Any error answered by SNS; <see cref="AwsServiceException.ErrorCode"/> names it (e.g. NotFound, AuthorizationError, Throttled).</summary>
public sealed class AmazonSimpleNotificationServiceException : AwsServiceException
{
    public AmazonSimpleNotificationServiceException(string message)
        : base(message)
    {
    }

    public AmazonSimpleNotificationServiceException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
