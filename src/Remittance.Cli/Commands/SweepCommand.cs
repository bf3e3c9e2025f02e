using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Remittance.DynamoDbLocal;
using Remittance.Local.Run;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;
using Remittance.Workflows.Composition;
using Remittance.Pipeline.Sweeping;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Remittance.Cli.Commands;

/// <summary>
/// <c>remittance sweep</c>: the sweeper Lambda's code, run from a terminal against DynamoDB Local (<c>--endpoint</c>)
/// or a real account (default credential chain, region from AWS_REGION).
/// </summary>
public static class SweepCommand
{
    public static Command Create(IAnsiConsole console, TextWriter output, TextWriter error)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and decide only; print what would be done." };
        var maxItems = new Option<int?>("--max-items") { Description = "Stop after examining this many items." };
        var requestIds = new Option<string[]>("--request-id")
        {
            Description = "Examine only this item (repeat for more).",
            AllowMultipleArgumentsPerToken = false,
        };
        var includeFailed = new Option<bool>("--include-failed") { Description = "Also re-drive items past the retry threshold (after an outage is fixed)." };
        var stuckAfter = new Option<int?>("--stuck-after-minutes") { Description = "Also reconcile re-driven runs unchanged for this many minutes." };
        var table = new Option<string>("--table") { Description = "The remittance table.", Required = true };
        var endpoint = new Option<string?>("--endpoint") { Description = "DynamoDB endpoint (DynamoDB Local at a loopback address needs no credentials)." };
        var stateMachine = new Option<string?>("--state-machine-arn")
        {
            Description = "The state machine to redrive and start. Without it, runs are started on the local workflow runner, which keeps them only while this command runs.",
        };
        var stepFunctionsEndpoint = new Option<string?>("--stepfunctions-endpoint") { Description = "Step Functions endpoint override." };
        var rate = new Option<double?>("--rate") { Description = "Start/redrive calls per second (token bucket refill)." };
        var burst = new Option<int?>("--burst") { Description = "Start/redrive calls at once (token bucket size)." };
        var threshold = new Option<int?>("--retry-threshold") { Description = "Executions before an item goes to the failed index." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON (the sweeper Lambda's response)." };
        var service = ServiceOptions.Service("The service whose table this is (it decides which failures get a new execution rather than a redrive).");
        var functionLogs = new Option<bool>("--function-logs") { Description = "Print the sweeper's JSON logs to stderr." };
        var command = new Command("sweep", "Re-drive failed runs (retry index; failed index on request) and reconcile stuck ones.")
        {
            dryRun, maxItems, requestIds, includeFailed, stuckAfter, table, endpoint, stateMachine, stepFunctionsEndpoint, rate, burst,
            threshold, json, functionLogs, service,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var defaults = new RemittanceOptions();
            var dynamoDbUrl = parse.GetValue(endpoint);
            var stateMachineArn = parse.GetValue(stateMachine);
            var serviceDefinition = ServiceCatalog.Resolve(parse.GetRequiredValue(service));
            var options = defaults with
            {
                Service = serviceDefinition.Name,
                TableName = parse.GetRequiredValue(table),
                StateMachineArn = stateMachineArn ?? LocalRunOptions.StateMachineArn(serviceDefinition),
                Region = Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? defaults.Region,
                DynamoDbServiceUrl = dynamoDbUrl,
                StepFunctionsServiceUrl = parse.GetValue(stepFunctionsEndpoint),
                StartRatePerSecond = parse.GetValue(rate) ?? defaults.StartRatePerSecond,
                StartBurst = parse.GetValue(burst) ?? defaults.StartBurst,
                RetryThreshold = parse.GetValue(threshold) ?? defaults.RetryThreshold,
            };
            var request = new SweepRequest
            {
                DryRun = parse.GetValue(dryRun),
                MaxItems = parse.GetValue(maxItems),
                RequestIds = parse.GetValue(requestIds) is { Length: > 0 } ids ? ids : null,
                IncludeFailed = parse.GetValue(includeFailed),
                StuckAfterMinutes = parse.GetValue(stuckAfter),
            };
            if (request.Validate() is { Count: > 0 } problems)
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, problems)).ConfigureAwait(false);
                return 2;
            }

            using var localDynamoDb = dynamoDbUrl is not null && IsLoopback(dynamoDbUrl) ? DynamoDbLocalClients.CreateClient(dynamoDbUrl) : null;
            RemittanceServices services;
            try
            {
                services = RemittanceServices.Create(options, FunctionName.Sweeper, serviceDefinition.Profile, new RemittanceEdges
                {
                    DynamoDb = localDynamoDb,
                    StepFunctions = stateMachineArn is null ? new LocalStepFunctions(TimeProvider.System) : null,
                    LogWriter = parse.GetValue(functionLogs) ? error : TextWriter.Null,
                });
            }
            catch (OptionsException failure)
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, failure.Problems)).ConfigureAwait(false);
                return 2;
            }

            SweepSummary summary;
            using (services)
            {
                try
                {
                    summary = await services.CreateSweeper().SweepAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (AmazonDynamoDBException failure)
                {
                    await error.WriteLineAsync($"DynamoDB refused the sweep: {failure.ErrorCode}: {failure.Message}").ConfigureAwait(false);
                    return 3;
                }
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(summary, SweepJsonContext.Default.SweepSummary)).ConfigureAwait(false);
            }
            else
            {
                Render(console, summary, options.TableName!, stateMachineArn is null);
            }

            return summary.Errors.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static void Render(IAnsiConsole console, SweepSummary summary, string tableName, bool localRunner)
    {
        console.Write(new Rule(summary.DryRun ? "[bold]remittance sweep (dry run: nothing changed)[/]" : "[bold]remittance sweep[/]").LeftJustified());
        console.WriteLine($"table: {tableName}");
        if (localRunner)
        {
            console.WriteLine("workflow runner: local stand-in (no --state-machine-arn): starts are recorded for this command only");
        }

        if (summary.Actions.Count > 0)
        {
            console.Write(Table(summary.DryRun ? "Would do" : "Done", ["request ID", "action", "execution name", "attempt", "detail"],
                summary.Actions.Select(a => Row(a.RequestId, a.Action.ToString(), a.ExecutionName,
                    a.Attempt.ToString(CultureInfo.InvariantCulture), a.Detail ?? string.Empty))));
        }

        if (summary.Skipped.Count > 0)
        {
            console.Write(Table("Skipped", ["request ID", "reason"], summary.Skipped.Select(s => Row(s.RequestId, s.Reason))));
        }

        if (summary.Errors.Count > 0)
        {
            console.Write(Table("Errors", ["request ID", "error", "left claimed"],
                summary.Errors.Select(e => Row(e.RequestId, e.Error, e.LeftClaimed ? "yes" : "no"))));
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"examined {summary.Examined}; {(summary.DryRun ? "would re-drive" : "re-driven")} {summary.ReDriven.Total} " +
            $"(redriven {summary.ReDriven.Redriven}, started {summary.ReDriven.Started}); skipped {summary.Skipped.Count}; errors {summary.Errors.Count}"));
        if (summary.Note is { } note)
        {
            console.WriteLine(note);
        }
    }

    private static Table Table(string title, string[] columns, IEnumerable<IRenderable[]> rows)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(column is "execution name" or "action" ? new TableColumn(new Text(column)).NoWrap() : new TableColumn(new Text(column)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row);
        }

        return table;
    }

    // Text, not markup: request IDs and errors may contain '[' or ']'.
    private static IRenderable[] Row(params string[] cells) => [.. cells.Select(cell => (IRenderable)new Text(cell))];

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)));
}
