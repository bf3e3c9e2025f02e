using System.Text.Json.Nodes;
using Remittance.Workflows.Steps;

namespace Remittance.Local.StepFunctions;

/// <summary>Runs a task's steps directly in this process (the cost meter times each step this way).</summary>
public sealed class StepsTaskInvoker(WorkflowTaskRunner runner) : ILocalTaskInvoker
{
    public Task<JsonNode?> InvokeAsync(WorkflowTaskRequest request, CancellationToken cancellationToken) => runner.RunAsync(request, cancellationToken);
}
