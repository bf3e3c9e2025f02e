using System.Text.Json.Nodes;
using Remittance.Workflows.Steps;

namespace Remittance.Local.Faults;

/// <summary>Wraps a workflow step so the fault plan can make it fail the way an unavailable dependency would.</summary>
public sealed class FaultInjectingStep(IWorkflowStep inner, FaultPlan faults) : IWorkflowStep
{
    public string Name => inner.Name;

    public Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken) =>
        faults.ShouldFail(inner.Name, FaultKeys.Of(context.Input))
            ? throw new TransientStepError($"injected fault: {inner.Name} dependency unavailable")
            : inner.RunAsync(context, cancellationToken);
}
