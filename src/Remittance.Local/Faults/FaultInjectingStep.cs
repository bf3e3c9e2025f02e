using System.Text.Json.Nodes;
using Remittance.Workflows.Steps;

namespace Remittance.Local.Faults;

/// <summary>Wraps a workflow step so the fault plan can make it fail the way an unavailable dependency would.</summary>
/// <param name="service">Whose step this is: both services work on the same request IDs, so it is part of the draw's key.</param>
public sealed class FaultInjectingStep(IWorkflowStep inner, FaultPlan faults, string service) : IWorkflowStep
{
    public string Name => inner.Name;

    public Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken) =>
        faults.ShouldFail(inner.Name, FaultKeys.Scoped(service, FaultKeys.Of(context.Input)))
            ? throw new TransientStepError($"injected fault: {inner.Name} dependency unavailable")
            : inner.RunAsync(context, cancellationToken);
}
