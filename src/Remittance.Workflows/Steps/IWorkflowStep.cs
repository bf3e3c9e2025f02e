using System.Text.Json.Nodes;

namespace Remittance.Workflows.Steps;

/// <summary>One named step of a workflow's Lambda task. Its output is the next step's <see cref="StepContext.Previous"/>.</summary>
public interface IWorkflowStep
{
    string Name { get; }

    Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken);
}
