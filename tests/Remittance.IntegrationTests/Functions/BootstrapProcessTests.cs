using System.Diagnostics;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.RuntimeApi;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;

namespace Remittance.IntegrationTests.Functions;

/// <summary>
/// The Lambda executable itself, started as its own process with the environment Lambda gives it, polling a local
/// stand-in of the Runtime API: the same entry point, configuration and handler selection that run in AWS.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class BootstrapProcessTests(DynamoDbLocalFixture fixture)
{
    private static Process Start(LocalRuntimeApi api, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "bootstrap.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["AWS_ACCESS_KEY_ID"] = "local";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "local";
        start.Environment["AWS_REGION"] = "us-east-1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task StopAsync(Process process)
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
    }

    [Fact]
    public async Task Bootstrap_WithIngestHandler_ProcessesAnSqsEventAndWritesTheItem()
    {
        var table = fixture.NewTablePrefix(nameof(Bootstrap_WithIngestHandler_ProcessesAnSqsEventAndWritesTheItem)) + "remittances";
        await TableSetup.EnsureTableAsync(fixture.Client, table, CancellationToken.None);
        await using var api = LocalRuntimeApi.Start();
        var process = Start(api, new Dictionary<string, string>
        {
            ["_HANDLER"] = "ingest",
            [RemittanceOptions.ServiceVariable] = "enrichment",
            [RemittanceOptions.TableNameVariable] = table,
            [RemittanceOptions.DynamoDbEndpointVariable] = fixture.ServiceUrl,
        });
        try
        {
            var result = await api.InvokeAsync(await File.ReadAllBytesAsync(RepositoryRoot.Combine("samples", "events", "sqs-ingest-batch.json")),
                new LocalInvocationOptions { PickupTimeout = TimeSpan.FromSeconds(60) });

            Assert.True(result.Succeeded, result.PayloadText);
            Assert.Equal("""{"batchItemFailures":[]}""", result.PayloadText);
            var item = await fixture.Client.GetItemAsync(table, new() { [ItemAttributes.RequestId] = new() { S = "acme-bank-2026-11-21-000001" } });
            Assert.Equal("RECEIVED", item.Item[ItemAttributes.Status].S);
        }
        finally
        {
            await StopAsync(process);
        }
    }

    [Fact]
    public async Task Bootstrap_WithoutTableName_ReportsAnInitErrorNamingTheSetting()
    {
        await using var api = LocalRuntimeApi.Start();
        var process = Start(api, new Dictionary<string, string> { ["_HANDLER"] = "stream" });
        try
        {
            var error = await api.InitError.WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Contains(RemittanceOptions.TableNameVariable, error.PayloadText, StringComparison.Ordinal);
            Assert.Contains(RemittanceOptions.StateMachineArnVariable, error.PayloadText, StringComparison.Ordinal);
            Assert.Contains(RemittanceOptions.ServiceVariable, error.PayloadText, StringComparison.Ordinal);
        }
        finally
        {
            await StopAsync(process);
        }
    }
}
