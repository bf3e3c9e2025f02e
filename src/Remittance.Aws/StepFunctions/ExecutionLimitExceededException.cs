using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>The account's limit of open executions is reached; it clears only as executions end.</summary>
public sealed class ExecutionLimitExceededException : AmazonStepFunctionsException
{
    public ExecutionLimitExceededException(string message)
        : base(message, null, "ExecutionLimitExceeded", null, HttpStatusCode.BadRequest)
    {
    }

    public ExecutionLimitExceededException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
