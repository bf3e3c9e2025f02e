using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Contracts;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Workflows.Composition;

/// <summary>
/// One use of the tracked-workflow pattern, defined once: the runtime twin of the CDK construct. The Lambda binary,
/// the local host, the cost meter, the benchmarks and the CDK app all take a service from <see cref="ServiceCatalog"/>,
/// so what a function does is decided by <c>REMITTANCE_SERVICE</c> alone.
/// </summary>
/// <param name="Contract">What its ingest function accepts on its queue.</param>
/// <param name="Workflow">Its state machine (the CDK app writes it as ASL; the local runner executes it).</param>
/// <param name="RequiredSettings">Settings its functions need beyond the pipeline's own, with what for.</param>
/// <param name="Steps">The workflow function's step handlers, built from the function's services.</param>
public sealed record ServiceDefinition(
    IMessageContract Contract,
    WorkflowDefinition Workflow,
    IReadOnlyList<RequiredSetting> RequiredSettings,
    Func<RemittanceServices, IReadOnlyList<IWorkflowStep>> Steps)
{
    /// <summary>The service's name: the value of <c>REMITTANCE_SERVICE</c> and the state machine's name.</summary>
    public string Name => Workflow.Name;

    /// <summary>What the pipeline's functions need to know of this service.</summary>
    public ServiceProfile Profile { get; } = new(
        Workflow.Name,
        Contract,
        Workflow.Tasks.SelectMany(t => t.Catch).SelectMany(c => c.Errors).ToHashSet(StringComparer.Ordinal),
        RequiredSettings);
}
