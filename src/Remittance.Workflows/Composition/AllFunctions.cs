using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Workflows.Functions;
using Remittance.Workflows.Steps;

namespace Remittance.Workflows.Composition;

/// <summary>Every function's wire-level handler: the pipeline's, plus the workflow function's task states.</summary>
public static class AllFunctions
{
    public static HandlerWrapper Create(FunctionName function, RemittanceServices services) => function == FunctionName.Workflow
        ? HandlerWrapper.GetHandlerWrapper(new WorkflowFunction(new WorkflowTaskRunner(ServiceSteps.For(services))).HandleAsync)
        : FunctionHandlers.Create(function, services);
}
