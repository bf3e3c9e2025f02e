using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>The request failed the service's input validation.</summary>
public sealed class ValidationException : AmazonStepFunctionsException
{
    public ValidationException(string message)
        : base(message, null, "ValidationException", null, HttpStatusCode.BadRequest)
    {
    }

    public ValidationException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
