using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Aws.Lambda.Core;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Functions;

/// <summary>
/// EventBridge "Step Functions Execution Status Change" → the failure recorded on the item. Throws only when the
/// failure could not be recorded (EventBridge's retry and dead-letter queue keep the event); foreign events and
/// statuses that record nothing return normally.
/// </summary>
public sealed class StatusFunction(ExecutionStatusProcessor processor, Action<StatusOutcome>? observe = null)
{
    public static HandlerWrapper CreateHandler(RemittanceServices services) => HandlerWrapper.GetHandlerWrapper(
        new StatusFunction(services.CreateExecutionStatusProcessor()).HandleAsync,
        AwsEventsJsonContext.Default.StepFunctionsExecutionStatusChangeEvent);

    public async Task HandleAsync(StepFunctionsExecutionStatusChangeEvent statusEvent, ILambdaContext context, CancellationToken cancellationToken)
    {
        var outcome = await processor.ProcessAsync(statusEvent, cancellationToken).ConfigureAwait(false);
        observe?.Invoke(outcome);
    }
}
