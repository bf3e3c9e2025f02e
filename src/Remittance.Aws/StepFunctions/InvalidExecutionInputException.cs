using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>The execution input is not valid JSON or is too large.</summary>
public sealed class InvalidExecutionInputException : AmazonStepFunctionsException
{
    public InvalidExecutionInputException(string message)
        : base(message, null, "InvalidExecutionInput", null, HttpStatusCode.BadRequest)
    {
    }

    public InvalidExecutionInputException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
