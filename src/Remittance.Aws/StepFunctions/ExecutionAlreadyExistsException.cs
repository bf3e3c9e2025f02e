using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>An execution with this name already exists (with different input, or it is no longer running).</summary>
public sealed class ExecutionAlreadyExistsException : AmazonStepFunctionsException
{
    public ExecutionAlreadyExistsException(string message)
        : base(message, null, "ExecutionAlreadyExists", null, HttpStatusCode.BadRequest)
    {
    }

    public ExecutionAlreadyExistsException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
