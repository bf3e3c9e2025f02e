using System.Text.Json;
using Remittance.Cli;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.Run;

namespace Remittance.IntegrationTests.Cli;

/// <summary>The <c>remittance</c> command line, run in-process the way a user types it.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class CliTests(DynamoDbLocalFixture fixture)
{
    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task LocalRun_OnSamples_PrintsEveryFateAndWritesTheJsonReport()
    {
        var reportPath = Path.Combine(Path.GetTempPath(), $"remittance-report-{Guid.NewGuid():N}.json");
        try
        {
            var (exit, output, error) = await RunAsync("local", "run", "--input", RepositoryRoot.Combine("samples", "partner-messages"),
                "--invoices", RepositoryRoot.Combine("samples", "invoices.jsonl"), "--report", reportPath,
                "--notifications", RepositoryRoot.Combine("samples", "notifications"),
                "--outbox", Path.Combine(Path.GetTempPath(), "remittance-outbox-" + Guid.NewGuid().ToString("N")), "--dynamodb-endpoint", fixture.ServiceUrl, "--table", fixture.NewTablePrefix("cli-run") + "remittances");

            Assert.True(exit == 0, error);
            Assert.Contains("030-malformed-json.json", output, StringComparison.Ordinal);
            Assert.Contains("MALFORMED_JSON", output, StringComparison.Ordinal);
            Assert.Contains("CONFLICT", output, StringComparison.Ordinal);
            Assert.Contains("local runner", output, StringComparison.Ordinal);
            Assert.Contains("ENRICHED", output, StringComparison.Ordinal);
            Assert.Contains("NOTIFIED", output, StringComparison.Ordinal);
            var report = JsonSerializer.Deserialize(await File.ReadAllTextAsync(reportPath), LocalRunJsonContext.Default.LocalRunReport)!;
            Assert.Equal(report.Totals.Messages, report.Deliveries.Count);
            Assert.Contains(report.Remittances, r => output.Contains(r.ExecutionName, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(reportPath);
        }
    }

    [Fact]
    public async Task LocalRun_WhenInputHoldsNoMessages_SaysWhatItExpectsAndFails()
    {
        var folder = Directory.CreateTempSubdirectory("remittance-no-messages-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "notes.txt"), "not a message");

            var (exit, _, error) = await RunAsync("local", "run", "--input", folder.FullName, "--dynamodb-endpoint", fixture.ServiceUrl);

            Assert.Equal(2, exit);
            Assert.Contains("holds no messages", error, StringComparison.Ordinal);
            Assert.Contains(".jsonl", error, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task LocalRun_WhenInputDoesNotExist_SaysSoAndFails()
    {
        var (exit, _, error) = await RunAsync("local", "run", "--input", "/nonexistent/messages", "--dynamodb-endpoint", fixture.ServiceUrl);

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/messages", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvoke_Ingest_PrintsTheBatchResponseLambdaWouldReturn()
    {
        var (exit, output, error) = await RunAsync("local", "invoke", "ingest", "--event", RepositoryRoot.Combine("samples", "events", "sqs-ingest-batch.json"),
            "--dynamodb-endpoint", fixture.ServiceUrl, "--table", fixture.NewTablePrefix("cli-invoke") + "remittances");

        Assert.True(exit == 0, error);
        using var response = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Array, response.RootElement.GetProperty("batchItemFailures").ValueKind);
        Assert.Equal(0, response.RootElement.GetProperty("batchItemFailures").GetArrayLength());
    }

    [Fact]
    public async Task LocalInvoke_Stream_StartsTheRunAndReportsNoFailures()
    {
        var (exit, output, error) = await RunAsync("local", "invoke", "stream", "--event", RepositoryRoot.Combine("samples", "events", "dynamodb-stream-insert.json"),
            "--dynamodb-endpoint", fixture.ServiceUrl, "--table", fixture.NewTablePrefix("cli-invoke-stream") + "remittances");

        Assert.True(exit == 0, error);
        Assert.Equal("""{"batchItemFailures":[]}""", output.Trim());
    }

    [Fact]
    public async Task LocalInvoke_Workflow_ReturnsTheEnrichedEnvelopeForTheTask()
    {
        var (exit, output, error) = await RunAsync("local", "invoke", "workflow", "--event", RepositoryRoot.Combine("samples", "events", "workflow-enrich-payment.json"),
            "--invoices", RepositoryRoot.Combine("samples", "invoices.jsonl"),
            "--dynamodb-endpoint", fixture.ServiceUrl, "--table", fixture.NewTablePrefix("cli-invoke-workflow") + "remittances");

        Assert.True(exit == 0, error);
        var envelope = System.Text.Json.Nodes.JsonNode.Parse(output)!;
        Assert.Equal("remittance.enriched", (string?)envelope["eventType"]);
        Assert.Equal(2, envelope["data"]!["invoices"]!.AsArray().Count);
    }

    [Fact]
    public async Task LocalInvoke_WorkflowWithoutItsInvoices_FailsWithTheErrorTheStateMachineRetriesOn()
    {
        var emptyInvoices = Path.Combine(Path.GetTempPath(), $"no-invoices-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(emptyInvoices, string.Empty);
        try
        {
            var (exit, output, error) = await RunAsync("local", "invoke", "workflow", "--event", RepositoryRoot.Combine("samples", "events", "workflow-enrich-payment.json"),
                "--invoices", emptyInvoices,
                "--dynamodb-endpoint", fixture.ServiceUrl, "--table", fixture.NewTablePrefix("cli-invoke-workflow-missing") + "remittances");

            Assert.Equal(1, exit);
            Assert.Contains(Remittance.Workflows.Definition.WorkflowErrors.InvoiceNotFound, error, StringComparison.Ordinal);
            Assert.Contains("INV-2026-0042", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(emptyInvoices);
        }
    }

    [Fact]
    public async Task LocalInvoke_WhenFunctionIsUnknown_ListsTheFunctions()
    {
        var (exit, _, error) = await RunAsync("local", "invoke", "billing", "--event", "x.json");

        Assert.Equal(2, exit);
        Assert.Contains("ingest, stream", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalInvoke_WhenEventIsNotAnSqsEvent_ReportsTheFunctionErrorLikeLambda()
    {
        var eventPath = Path.Combine(Path.GetTempPath(), $"bad-event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(eventPath, "[1,2,3]");
        try
        {
            var (exit, output, error) = await RunAsync("local", "invoke", "ingest", "--event", eventPath,
                "--dynamodb-endpoint", fixture.ServiceUrl, "--table", fixture.NewTablePrefix("cli-invoke-bad") + "remittances");

            Assert.Equal(1, exit);
            Assert.Contains("Failed", error, StringComparison.Ordinal);
            Assert.Contains("errorMessage", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(eventPath);
        }
    }
}
