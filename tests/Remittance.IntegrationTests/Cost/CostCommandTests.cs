using System.CommandLine;
using System.Text.Json;
using Remittance.Cli.Commands;
using Remittance.Cost.Pricing;
using Remittance.IntegrationTests.Infrastructure;
using Spectre.Console;

namespace Remittance.IntegrationTests.Cost;

/// <summary><c>remittance cost</c>, run in-process as a user types it.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class CostCommandTests(DynamoDbLocalFixture fixture)
{
    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) =>
        InProcessCommand.RunAsync(CostCommand.Create, args);

    private string[] Args(params string[] more) =>
    [
        "cost", "--input", RepositoryRoot.Combine("samples", "partner-messages"), "--invoices", RepositoryRoot.Combine("samples", "invoices.jsonl"),
        "--notifications", RepositoryRoot.Combine("samples", "notifications"), "--dynamodb-endpoint", fixture.ServiceUrl, "--no-warm-up", .. more,
    ];

    [Fact]
    public async Task Cost_PrintsBothDesignsThePricesAndTheAssumptions()
    {
        var (exit, output, error) = await RunAsync(Args("--volume", "1000000"));

        Assert.True(exit == 0, error);
        foreach (var expected in (string[])["Operations per remittance", "Step Functions state transitions", "$25 per million transitions",
                     "$0.625 per million WRU", "total per million", "per month at 1,000,000", "seed, 1 redrive", "Happy path: ours costs", "Assumptions:"])
        {
            Assert.Contains(expected, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Cost_WithJsonAndPrices_WritesTheReportAtThosePrices()
    {
        var (exit, output, error) = await RunAsync(Args("--json", "--price-transition", "50", "--volume", "2000000", "--generate", "12"));

        Assert.True(exit == 0, error);
        var report = JsonSerializer.Deserialize(output, CostJsonContext.Default.CostReport)!;
        Assert.Equal((12, 2_000_000L, 50m), (report.Remittances, report.Volume, report.Prices.StateTransitionsPerMillion));
        var ours = report.Design(CostReport.Ours, CostReport.HappyPath);
        Assert.Equal(ours.PerRemittance.StateTransitions * 50m, ours.PerMillion.StepFunctions);
        Assert.Equal(ours.PerMillion.Total * 2m, ours.PerMonth);
        Assert.NotEmpty(report.Assumptions);
    }

    [Fact]
    public async Task Cost_OnArm64_PricesLambdaDurationAtTheGravitonPrice()
    {
        var (exit, output, error) = await RunAsync(Args("--json", "--lambda-architecture", "arm64", "--generate", "6"));

        Assert.True(exit == 0, error);
        var report = JsonSerializer.Deserialize(output, CostJsonContext.Default.CostReport)!;
        Assert.Equal((LambdaArchitecture.Arm64, 0.0000133334m), (report.Prices.LambdaArchitecture, report.Prices.LambdaGbSecond));
        Assert.Contains("\"lambdaArchitecture\": \"arm64\"", output, StringComparison.Ordinal);
        var ours = report.Design(CostReport.Ours, CostReport.HappyPath);
        Assert.Equal(ours.PerRemittance.LambdaGbSeconds * 0.0000133334m * 1_000_000m, ours.PerMillion.LambdaDuration);
        Assert.Contains(report.Assumptions, a => a.Contains("arm64", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cost_WithAnUnknownArchitecture_IsRefused()
    {
        var (exit, _, error) = await RunAsync(Args("--lambda-architecture", "sparc"));

        Assert.Equal(1, exit);
        Assert.Contains("sparc", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cost_WithBadOptions_SaysWhatIsWrong()
    {
        var (exit, _, error) = await RunAsync("cost", "--input", "/nonexistent", "--lambda-memory", "router=1", "--price-sqs", "-1");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent", error, StringComparison.Ordinal);
        Assert.Contains("router", error, StringComparison.Ordinal);
        Assert.Contains("negative", error, StringComparison.Ordinal);
    }
}
