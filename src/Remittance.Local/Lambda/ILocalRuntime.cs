using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;

namespace Remittance.Local.Lambda;

/// <summary>
/// Where the local host runs the functions: in this process (<see cref="InProcessRuntime"/>) or as the real binary
/// (<see cref="ProcessRuntime"/>). Either way a function gets only the environment <c>FunctionEnvironment</c> gives
/// it; the runtime adds nothing but where the AWS stand-ins are.
/// </summary>
public interface ILocalRuntime : IAsyncDisposable
{
    /// <summary>For the report: what ran the functions.</summary>
    string Description { get; }

    /// <param name="service">The service's name (for the function's name and its DynamoDB client).</param>
    /// <param name="environment">The function's environment, from FunctionEnvironment.</param>
    /// <param name="stepFunctions">The service's Step Functions stand-in.</param>
    /// <param name="onLogLine">Receives every line the function logs.</param>
    ILocalFunction Start(string service, FunctionName function, IReadOnlyDictionary<string, string> environment, LocalStepFunctions stepFunctions,
        Action<string> onLogLine);
}
