using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>The execution cannot be redriven (still running, succeeded, or past the redrive window).</summary>
public sealed class ExecutionNotRedrivableException : AmazonStepFunctionsException
{
    public ExecutionNotRedrivableException(string message)
        : base(message, null, "ExecutionNotRedrivable", null, HttpStatusCode.BadRequest)
    {
    }

    public ExecutionNotRedrivableException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
