using System.Net;

namespace Remittance.Aws.StepFunctions;

/// <summary>The state machine is being deleted.</summary>
public sealed class StateMachineDeletingException : AmazonStepFunctionsException
{
    public StateMachineDeletingException(string message)
        : base(message, null, "StateMachineDeleting", null, HttpStatusCode.BadRequest)
    {
    }

    public StateMachineDeletingException(string message, Exception? innerException, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorCode, requestId, statusCode)
    {
    }
}
