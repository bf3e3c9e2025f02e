using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Sweeping;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Functions;
using Remittance.Workflows.Steps;

namespace Remittance.Workflows.Composition;

/// <summary>Every function's wire-level handler: the pipeline's, plus the workflow function's task states.</summary>
public static class AllFunctions
{
    public static HandlerWrapper Create(FunctionName function, RemittanceServices services) => function switch
    {
        FunctionName.Workflow => HandlerWrapper.GetHandlerWrapper(new WorkflowFunction(new WorkflowTaskRunner(ServiceSteps.For(services))).HandleAsync),
        FunctionName.Sweeper => SweeperFunction.CreateHandler(services, SweeperSettingsFor(services)),
        _ => FunctionHandlers.Create(function, services),
    };

    /// <summary>
    /// The sweeper, told which errors the workflows catch: those end in a Fail state, where a redrive would only fail
    /// again, so it starts a new execution for them instead.
    /// </summary>
    public static SweeperSettings SweeperSettingsFor(RemittanceServices services) => SweeperSettings.From(services.Options) with
    {
        NewExecutionErrors = WorkflowCatalog.ForService(services.Options.Service).Tasks
            .SelectMany(t => t.Catch).SelectMany(c => c.Errors).ToHashSet(StringComparer.Ordinal),
    };
}
