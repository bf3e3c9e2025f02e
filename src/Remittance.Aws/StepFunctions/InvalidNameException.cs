using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>The execution name is malformed (length or characters).</summary>
public sealed class InvalidNameException : AmazonStepFunctionsException
{
    public InvalidNameException(string message)
        : base(message, null, "InvalidName", null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidNameException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
