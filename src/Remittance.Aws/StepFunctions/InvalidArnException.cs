using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>The ARN is malformed.</summary>
public sealed class InvalidArnException : AmazonStepFunctionsException
{
    public InvalidArnException(string message)
        : base(message, null, "InvalidArn", null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidArnException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
