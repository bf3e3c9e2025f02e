using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>No state machine has this ARN.</summary>
public sealed class StateMachineDoesNotExistException : AmazonStepFunctionsException
{
    public StateMachineDoesNotExistException(string message)
        : base(message, null, "StateMachineDoesNotExist", null, HttpStatusCode.BadRequest)
    {
    }

    public StateMachineDoesNotExistException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
