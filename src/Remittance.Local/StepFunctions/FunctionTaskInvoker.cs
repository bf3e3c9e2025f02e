using System.Text;
using System.Text.Json.Nodes;
using Remittance.Local.Faults;
using Remittance.Local.Lambda;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Local.StepFunctions;

/// <summary>
/// Calls the service's workflow function (in process or the real binary) as Step Functions' Lambda integration does.
/// Injected step faults (--faults enrich=…) fail the invocation the way the function would report an unavailable
/// dependency, before the function runs, so they behave the same whichever runtime hosts it.
/// </summary>
public sealed class FunctionTaskInvoker(ILocalFunction function, FaultPlan faults, string service) : ILocalTaskInvoker
{
    public async Task<JsonNode?> InvokeAsync(WorkflowTaskRequest request, CancellationToken cancellationToken)
    {
        var key = FaultKeys.Scoped(service, FaultKeys.Of(request.Input));
        if (request.Steps.FirstOrDefault(step => faults.ShouldFail(step, key)) is { } failing)
        {
            throw new LambdaTaskFailedException(WorkflowErrors.Transient, $"injected fault: {failing} dependency unavailable");
        }

        var result = await function.InvokeAsync(Encoding.UTF8.GetBytes(request.ToJson().ToJsonString()), cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new LambdaTaskFailedException(result.Error?.ErrorType ?? result.ErrorType ?? "Lambda.Unknown",
                result.Error?.ErrorMessage ?? result.PayloadText);
        }

        return result.Payload.Length == 0 ? null : JsonNode.Parse(result.Payload);
    }
}
