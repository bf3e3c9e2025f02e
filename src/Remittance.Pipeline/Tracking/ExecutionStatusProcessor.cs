using System.Text.Json;
using System.Text.Json.Nodes;
using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Aws.StepFunctions;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Schema;

namespace Remittance.Pipeline.Tracking;

/// <summary>
/// Turns "Step Functions Execution Status Change" events into failure records: FAILED, TIMED_OUT and ABORTED are
/// what a Catch inside the workflow cannot see. Success is recorded by the workflow itself, so SUCCEEDED and RUNNING
/// are ignored. Foreign or malformed events are logged and ignored; failures to record (throttling, a lost version
/// race, anything unexpected) are thrown, so EventBridge's retry (and then the dead-letter queue) keeps the event.
/// </summary>
public sealed class ExecutionStatusProcessor(FailureRecorder recorder, IAmazonStepFunctions stepFunctions, JsonLog log)
{
    public async Task<StatusOutcome> ProcessAsync(StepFunctionsExecutionStatusChangeEvent statusEvent, CancellationToken cancellationToken)
    {
        var detail = statusEvent.Detail;
        if ((statusEvent.DetailType is { } type && type != StepFunctionsExecutionStatusChangeEvent.EventDetailType) || detail is null)
        {
            return Ignore(detail, $"not a Step Functions execution status change ({statusEvent.DetailType ?? "no detail-type"})");
        }

        if (detail.Status is not { } status || !ExecutionStatuses.IsFailure(status))
        {
            return Ignore(detail, $"status {detail.Status ?? "(none)"} records nothing (success is recorded by the workflow)");
        }

        if (detail.Name is not { Length: > 0 } name)
        {
            return Ignore(detail, "the event names no execution");
        }

        var requestId = RequestIdFrom(detail.InputDetails?.Included == false ? null : detail.Input)
                        ?? await RequestIdFromExecutionAsync(detail.ExecutionArn, cancellationToken).ConfigureAwait(false);
        if (requestId is null)
        {
            return Ignore(detail, "the execution's input has no requestId (not a remittance workflow)");
        }

        var failure = new ExecutionFailure(requestId, name, detail.Error ?? status, detail.Cause ?? $"execution {status}", detail.RedriveCount ?? 0);
        var outcome = await recorder.RecordFailureAsync(failure, cancellationToken).ConfigureAwait(false);
        return new StatusOutcome(requestId, name, status, outcome, null);
    }

    private StatusOutcome Ignore(StepFunctionsExecutionStatusChangeDetail? detail, string reason)
    {
        log.Info("status.ignored", ("executionArn", detail?.ExecutionArn), ("status", detail?.Status), ("reason", reason));
        return new StatusOutcome(null, detail?.Name, detail?.Status, null, reason);
    }

    // The event carries the input unless it is too large (then inputDetails.included is false): ask for it.
    private async Task<string?> RequestIdFromExecutionAsync(string? executionArn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(executionArn))
        {
            return null;
        }

        try
        {
            var execution = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, cancellationToken)
                .ConfigureAwait(false);
            return RequestIdFrom(execution.Input);
        }
        catch (Exception failure) when (failure is ExecutionDoesNotExistException or InvalidArnException)
        {
            // Not an execution this account can see: a foreign event.
            return null;
        }
    }

    private static string? RequestIdFrom(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return null;
        }

        try
        {
            // Both input forms (the item, or the by-reference form of a large one) carry requestId at the top.
            return JsonNode.Parse(input) is JsonObject document
                   && document[ItemAttributes.RequestId] is JsonValue value
                   && value.TryGetValue<string>(out var requestId) && requestId.Length > 0
                ? requestId
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
