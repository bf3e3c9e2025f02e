using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.StepFunctions;
using Remittance.IntegrationTests.Infrastructure;

namespace Remittance.IntegrationTests.Tracking;

/// <summary>
/// "Step Functions Execution Status Change" events as EventBridge delivers them (the wire JSON, epoch-millisecond
/// dates), built from an execution's current state and read through the same contract the Lambda uses.
/// </summary>
public static class StatusEvents
{
    public static async Task<StepFunctionsExecutionStatusChangeEvent> ForAsync(IAmazonStepFunctions stepFunctions, string executionArn, bool includeInput = true)
    {
        var execution = await stepFunctions.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn });
        return From(new JsonObject
        {
            ["executionArn"] = execution.ExecutionArn,
            ["stateMachineArn"] = PipelineHarness.StateMachineArn,
            ["name"] = execution.Name,
            ["status"] = execution.Status?.Value,
            ["startDate"] = 1_795_000_000_000L,
            ["stopDate"] = 1_795_000_060_000L,
            ["input"] = includeInput ? execution.Input : null,
            ["inputDetails"] = new JsonObject { ["included"] = includeInput },
            ["output"] = null,
            ["outputDetails"] = null,
            ["error"] = execution.Error,
            ["cause"] = execution.Cause,
            ["redriveCount"] = execution.RedriveCount ?? 0,
            ["redriveStatus"] = execution.RedriveStatus?.Value,
        });
    }

    public static StepFunctionsExecutionStatusChangeEvent From(JsonObject detail) =>
        JsonSerializer.Deserialize(new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = StepFunctionsExecutionStatusChangeEvent.EventDetailType,
            ["source"] = StepFunctionsExecutionStatusChangeEvent.EventSource,
            ["account"] = "123456789012",
            ["time"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray((string?)detail["executionArn"]),
            ["detail"] = detail,
        }.ToJsonString(), AwsEventsJsonContext.Default.StepFunctionsExecutionStatusChangeEvent)!;
}
