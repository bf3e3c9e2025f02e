using System.Text.Json;
using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.Tests.Support;

namespace Remittance.Aws.Tests.Lambda;

public sealed class CloudWatchEventContractTests
{
    [Fact]
    public void StepFunctionsStatusChange_FromSample_ReadsEnvelopeAndDetail()
    {
        var statusChange = JsonSerializer.Deserialize(
            Samples.Read("stepfunctions-status-change-failed.json"),
            AwsEventsJsonContext.Default.StepFunctionsExecutionStatusChangeEvent)!;

        Assert.Equal("0", statusChange.Version);
        Assert.Equal(StepFunctionsExecutionStatusChangeEvent.EventDetailType, statusChange.DetailType);
        Assert.Equal(StepFunctionsExecutionStatusChangeEvent.EventSource, statusChange.Source);
        Assert.Equal("123456789012", statusChange.Account);
        Assert.Equal("us-east-1", statusChange.Region);
        Assert.Equal(new DateTime(2026, 11, 21, 10, 16, 12, DateTimeKind.Utc), statusChange.Time);
        Assert.Single(statusChange.Resources);

        var detail = statusChange.Detail!;
        Assert.Equal("FAILED", detail.Status);
        Assert.Equal("acme-bank-2026-11-21-000001-q4t7m2kx9b3vz6np5hwc-1", detail.Name);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:remittance-enrichment", detail.StateMachineArn);
        Assert.EndsWith(":" + detail.Name, detail.ExecutionArn);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795256104020).UtcDateTime, detail.StartDate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795256172481).UtcDateTime, detail.StopDate);
        Assert.Equal("Enrichment.PartnerLookupFailed", detail.Error);
        Assert.StartsWith("The partner directory", detail.Cause);
        Assert.StartsWith("{\"requestId\":", detail.Input);
        Assert.True(detail.InputDetails!.Included);
        Assert.Null(detail.Output);
        Assert.Null(detail.OutputDetails);
        Assert.Equal(0, detail.RedriveCount);
        Assert.Null(detail.RedriveDate);
        Assert.Equal("REDRIVABLE", detail.RedriveStatus);
        Assert.Equal("Execution is FAILED and can be redriven", detail.RedriveStatusReason);
    }

    [Fact]
    public void ScheduledEvent_FromSample_ReadsTheEnvelope()
    {
        var scheduled = JsonSerializer.Deserialize(Samples.Read("scheduled-event.json"), AwsEventsJsonContext.Default.ScheduledEvent)!;

        Assert.Equal("Scheduled Event", scheduled.DetailType);
        Assert.Equal("aws.events", scheduled.Source);
        Assert.Equal("arn:aws:events:us-east-1:123456789012:rule/remittance-sweeper", Assert.Single(scheduled.Resources));
        Assert.Equal(new DateTime(2026, 11, 21, 10, 20, 0, DateTimeKind.Utc), scheduled.Time);
        Assert.NotNull(scheduled.Detail);
    }
}
