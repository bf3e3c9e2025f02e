using System.Text.Json.Nodes;
using Remittance.Workflows.Steps;

namespace Remittance.Local.StepFunctions;

/// <summary>
/// How the local workflow runner calls a Lambda task state's function: the payload the ASL's Parameters build in, the
/// function's output back, or a <see cref="LambdaTaskFailedException"/> carrying the error type Lambda reports.
/// </summary>
public interface ILocalTaskInvoker
{
    Task<JsonNode?> InvokeAsync(WorkflowTaskRequest request, CancellationToken cancellationToken);
}
