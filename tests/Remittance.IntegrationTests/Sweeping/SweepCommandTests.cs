using System.CommandLine;
using System.Text.Json;
using Remittance.Cli.Commands;
using Remittance.Domain;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.IntegrationTests.Tracking;
using Remittance.Pipeline.Sweeping;
using Spectre.Console;

namespace Remittance.IntegrationTests.Sweeping;

/// <summary><c>remittance sweep</c> against DynamoDB Local, as a person types it.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class SweepCommandTests(DynamoDbLocalFixture fixture)
{
    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        InProcessCommand.RunAsync(SweepCommand.Create, args);

    [Fact]
    public async Task Sweep_DryRun_PrintsWhatItWouldDoAndChangesNothing()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_DryRun_PrintsWhatItWouldDoAndChangesNothing));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-cli"));

        var (exit, output, error) = await RunAsync("sweep", "--dry-run", "--table", bed.Harness.TableName, "--endpoint", fixture.ServiceUrl);

        Assert.True(exit == 0, error);
        Assert.Contains("dry run", output, StringComparison.Ordinal);
        Assert.Contains("req-cli", output, StringComparison.Ordinal);
        Assert.Contains(ExecutionName.For("req-cli", 2), output, StringComparison.Ordinal);
        Assert.Contains("examined 1; would re-drive 1", output, StringComparison.Ordinal);
        Assert.Equal(2, (await bed.ItemAsync("req-cli")).Version);
    }

    [Fact]
    public async Task Sweep_WithJson_PrintsTheSummaryTheLambdaReturns()
    {
        using var bed = await TrackingTestbed.CreateAsync(fixture, nameof(Sweep_WithJson_PrintsTheSummaryTheLambdaReturns));
        await bed.FailAndDeliverAsync(await bed.ReceiveAndStartAsync("req-cli-json"));

        var (exit, output, error) = await RunAsync("sweep", "--json", "--request-id", "req-cli-json", "--request-id", "req-none",
            "--rate", "5", "--burst", "1", "--table", bed.Harness.TableName, "--endpoint", fixture.ServiceUrl);

        Assert.True(exit == 0, error);
        var summary = JsonSerializer.Deserialize(output, SweepJsonContext.Default.SweepSummary)!;
        Assert.Equal(2, summary.Examined);
        Assert.Equal(new SweepAction("req-cli-json", SweepActionKind.Start, ExecutionName.For("req-cli-json", 2), 2), Assert.Single(summary.Actions));
        Assert.Equal("req-none", Assert.Single(summary.Skipped).RequestId);
        Assert.Equal(2, (await bed.ItemAsync("req-cli-json")).Attempt);
    }

    [Fact]
    public async Task Sweep_WithInvalidOptions_SaysWhatIsWrong()
    {
        var (exit, _, error) = await RunAsync("sweep", "--max-items", "0", "--table", "t", "--endpoint", fixture.ServiceUrl);

        Assert.Equal(2, exit);
        Assert.Contains("maxItems", error, StringComparison.Ordinal);
    }
}
