using System.Text;
using System.Text.Json;
using Remittance.Domain;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.IntegrationTests.Tracking;
using Remittance.Local.Lambda;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Sweeping;

namespace Remittance.IntegrationTests.Sweeping;

/// <summary>The sweeper Lambda's handler, on the payloads EventBridge and a person send it.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class SweeperFunctionTests(DynamoDbLocalFixture fixture)
{
    private const string ScheduledEvent = """
        {
          "version": "0",
          "id": "53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa",
          "detail-type": "Scheduled Event",
          "source": "aws.events",
          "account": "123456789012",
          "time": "2026-11-20T09:00:00Z",
          "region": "us-east-1",
          "resources": ["arn:aws:events:us-east-1:123456789012:rule/remittance-enrichment-sweeper"],
          "detail": {}
        }
        """;

    private static readonly LocalLambdaContext s_context = new("sweeper", TimeSpan.FromMinutes(5), TimeProvider.System);

    private static async Task<SweepSummary> InvokeAsync(TrackingTestbed bed, string payload)
    {
        await using var response = await new SweeperFunction(bed.Sweeper())
            .HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(payload)), s_context, CancellationToken.None);
        return (await JsonSerializer.DeserializeAsync(response, SweepJsonContext.Default.SweepSummary))!;
    }

    [Fact]
    public async Task SweeperFunction_OnAScheduledEvent_ReDrivesTheRetryIndexOnly()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(SweeperFunction_OnAScheduledEvent_ReDrivesTheRetryIndexOnly), retryThreshold: 1);
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-past-threshold"));

        var summary = await InvokeAsync(bed, ScheduledEvent);

        Assert.False(summary.DryRun);
        Assert.Equal(0, summary.Examined);
        Assert.Equal(["failed"], await bed.IndexesOfAsync("req-past-threshold"));
    }

    [Fact]
    public async Task SweeperFunction_OnAManualRequest_DoesWhatItAsksAndAnswersWithTheSummary()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(SweeperFunction_OnAManualRequest_DoesWhatItAsksAndAnswersWithTheSummary), retryThreshold: 1);
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-manual"));

        var dryRun = await InvokeAsync(bed, """{"dryRun": true, "includeFailed": true}""");
        var real = await InvokeAsync(bed, """{"includeFailed": true, "requestIds": ["req-manual"]}""");

        Assert.True(dryRun.DryRun);
        Assert.Equal(1, dryRun.ReDriven.Started);
        Assert.Equal(new SweepAction("req-manual", SweepActionKind.Start, ExecutionName.For("req-manual", 2), 2), Assert.Single(real.Actions));
        Assert.True(bed.StepFunctions.Exists(ExecutionName.For("req-manual", 2)));
    }

    [Fact]
    public async Task SweeperFunction_WhenARequestMemberIsMistyped_FailsInsteadOfSweeping()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(SweeperFunction_WhenARequestMemberIsMistyped_FailsInsteadOfSweeping));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-typo"));

        await Assert.ThrowsAsync<JsonException>(() => InvokeAsync(bed, """{"dry_run": true}"""));
        await Assert.ThrowsAsync<ArgumentException>(() => InvokeAsync(bed, """{"maxItems": 0}"""));

        Assert.Equal(["retry"], await bed.IndexesOfAsync("req-typo"));
    }

    [Fact]
    public void SweepSummary_WireFormat_IsCamelCaseWithActionNames()
    {
        var summary = new SweepSummary(false, 2, new ReDrivenCounts(1, 0),
            [new SweepAction("req-1", SweepActionKind.Redrive, "req-1-abc-1", 2)], [new SkippedItem("req-2", "why")],
            [new SweepError("req-3", "what", LeftClaimed: true)], false, null);

        var json = JsonSerializer.Serialize(summary, SweepJsonContext.Default.SweepSummary);

        Assert.Equal(
            """{"dryRun":false,"examined":2,"reDriven":{"redriven":1,"started":0,"total":1},"actions":[{"requestId":"req-1","action":"Redrive","executionName":"req-1-abc-1","attempt":2}],"skipped":[{"requestId":"req-2","reason":"why"}],"errors":[{"requestId":"req-3","error":"what","leftClaimed":true}],"truncated":false}""",
            json);
    }
}
