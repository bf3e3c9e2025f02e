using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>No execution has this ARN.</summary>
public sealed class ExecutionDoesNotExistException : AmazonStepFunctionsException
{
    public ExecutionDoesNotExistException(string message)
        : base(message, null, "ExecutionDoesNotExist", null, HttpStatusCode.BadRequest)
    {
    }

    public ExecutionDoesNotExistException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
