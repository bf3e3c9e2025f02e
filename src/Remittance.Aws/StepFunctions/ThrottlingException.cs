using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>The request was throttled; the client retries it with backoff before giving up.</summary>
public sealed class ThrottlingException : AmazonStepFunctionsException
{
    public ThrottlingException(string message)
        : base(message, null, "ThrottlingException", null, HttpStatusCode.BadRequest)
    {
    }

    public ThrottlingException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
