using System.CommandLine;
using System.Text.Json;
using Remittance.Cli.Rendering;
using Remittance.DynamoDbLocal;
using Remittance.Local.Faults;
using Remittance.Local.Input;
using Remittance.Local.Lambda;
using Remittance.Local.Run;
using Remittance.Pipeline.Composition;
using Remittance.Notifications;
using Spectre.Console;

namespace Remittance.Cli.Commands;

/// <summary><c>remittance local run --input &lt;file|dir|.jsonl&gt; [--report report.json]</c></summary>
public static class LocalRunCommand
{
    /// <summary>Inputs at least this long get a progress bar on an interactive console.</summary>
    private const int ProgressThreshold = 200;

    public static Command Create(IAnsiConsole console, TextWriter error)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "A message file (.json: one body), a .jsonl file (one body per line), or a directory of them.",
            Required = true,
        };
        var report = new Option<string?>("--report", "-r") { Description = "Also write the full report as JSON to this file." };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Ingest invocations in flight at once. The default, 1, keeps runs reproducible: batches are " +
                          "taken in input order, so the first of two messages with the same request ID is the one kept.",
            DefaultValueFactory = _ => 1,
        };
        var functionLog = new Option<bool>("--function-logs") { Description = "Print the functions' JSON logs to stderr." };
        var invoices = new Option<string?>("--invoices")
        {
            Description = $"Invoices to seed the local Invoices table with, one JSON object per line (default: {LocalRunOptions.DefaultInvoicesPath} when it exists).",
        };
        var notifications = new Option<string>("--notifications")
        {
            Description = "The notification rules and templates directory.",
            DefaultValueFactory = _ => LocalRunOptions.DefaultNotificationCatalog,
        };
        var outbox = new Option<string>("--outbox")
        {
            Description = "Where sent notifications are written, one file each.",
            DefaultValueFactory = _ => LocalRunOptions.DefaultOutbox,
        };
        var seed = new Option<int>("--seed") { Description = "Seeds injected faults and retry jitter so a run repeats.", DefaultValueFactory = _ => 1 };
        var faults = new Option<string?>("--faults")
        {
            Description = "Failures to inject, e.g. enrich=0.3,publish=0.1,startExecution=0.05,dynamodb=0.02. Points: " +
                          string.Join(", ", FaultPlan.Points.Keys) + ".",
        };
        var endpoint = DynamoDbOptions.Endpoint();
        var table = DynamoDbOptions.Table();
        var runtime = RuntimeOptions.Runtime();
        var functions = RuntimeOptions.FunctionsDirectory();
        var maxInstances = new Option<int>("--max-instances")
        {
            Description = "With --runtime process: instances of one function that may run at once (Lambda scales with load).",
            DefaultValueFactory = _ => 4,
        };
        var command = new Command("run", "Run partner messages through both services on DynamoDB Local (ingest → stream → enrichment workflow → " +
            "notification ingest → stream → notification workflow → outbox), sweep until nothing is eligible, and report each one's fate.")
        {
            input, report, concurrency, functionLog, invoices, notifications, outbox, faults, seed, endpoint, table, runtime, functions, maxInstances,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(input);
            if (parse.GetValue(concurrency) is < 1 or > 64)
            {
                await error.WriteLineAsync("--concurrency must be between 1 and 64.").ConfigureAwait(false);
                return 2;
            }

            IReadOnlyList<InputMessage> messages;
            try
            {
                messages = MessageSource.Read(path);
            }
            catch (Exception failure) when (failure is FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot read --input: {failure.Message}").ConfigureAwait(false);
                return 2;
            }

            if (messages.Count == 0)
            {
                await error.WriteLineAsync($"--input '{path}' holds no messages: give a .json file (one body), a .jsonl file (one body per " +
                                           "non-blank line) or a directory holding such files.").ConfigureAwait(false);
                return 2;
            }

            FaultPlan plan;
            try
            {
                plan = FaultPlan.Parse(parse.GetValue(faults), parse.GetValue(seed));
            }
            catch (FormatException failure)
            {
                await error.WriteLineAsync($"--faults: {failure.Message}").ConfigureAwait(false);
                return 2;
            }

            var options = new LocalRunOptions
            {
                Faults = plan,
                TableName = parse.GetRequiredValue(table),
                Concurrency = parse.GetValue(concurrency),
                DynamoDb = DynamoDbOptions.From(parse.GetValue(endpoint), error),
                FunctionLog = parse.GetValue(functionLog) ? error : null,
                InvoicesPath = parse.GetValue(invoices) ?? (File.Exists(LocalRunOptions.DefaultInvoicesPath) ? LocalRunOptions.DefaultInvoicesPath : null),
                Seed = parse.GetValue(seed),
                NotificationCatalogDirectory = parse.GetRequiredValue(notifications),
                OutboxDirectory = parse.GetRequiredValue(outbox),
                Runtime = parse.GetValue(runtime),
                FunctionsDirectory = parse.GetValue(functions),
                MaxInstances = parse.GetValue(maxInstances),
            };
            if (options.Runtime == LocalRuntimeKind.Process && plan.Rates.ContainsKey("dynamodb"))
            {
                await error.WriteLineAsync("--faults dynamodb=… is injected at the in-process functions' DynamoDB client; the process runtime " +
                                           "does not inject it yet (use --runtime inprocess for DynamoDB faults).").ConfigureAwait(false);
                return 2;
            }

            if (options.MaxInstances is < 1 or > 32)
            {
                await error.WriteLineAsync("--max-instances must be between 1 and 32.").ConfigureAwait(false);
                return 2;
            }
            if (options.InvoicesPath is { } invoicesPath && !File.Exists(invoicesPath))
            {
                await error.WriteLineAsync($"Cannot read --invoices: no file at '{invoicesPath}'.").ConfigureAwait(false);
                return 2;
            }

            LocalRunReport result;
            try
            {
                result = await RunAsync(console, path, messages, options, cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoDbLocalException failure)
            {
                await error.WriteLineAsync($"DynamoDB Local could not start: {failure.Message}").ConfigureAwait(false);
                return 3;
            }
            catch (NotificationCatalogException failure)
            {
                await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
                return 2;
            }
            catch (OptionsException failure)
            {
                await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
                return 2;
            }
            catch (FunctionFailedException failure)
            {
                await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
                return 3;
            }

            ReportRenderer.Render(console, result);
            if (parse.GetValue(report) is { } reportPath)
            {
                await File.WriteAllTextAsync(reportPath, JsonSerializer.Serialize(result, LocalRunJsonContext.Default.LocalRunReport),
                    cancellationToken).ConfigureAwait(false);
                console.MarkupLineInterpolated($"Report written to [bold]{reportPath}[/].");
            }

            // Every message is accounted for; a dead-lettered one means the pipeline could not process it.
            return result.Totals.DeadLettered == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<LocalRunReport> RunAsync(
        IAnsiConsole console,
        string path,
        IReadOnlyList<InputMessage> messages,
        LocalRunOptions options,
        CancellationToken cancellationToken)
    {
        if (messages.Count < ProgressThreshold || !console.Profile.Capabilities.Interactive)
        {
            return await LocalRunner.RunAsync(path, messages, options, null, cancellationToken).ConfigureAwait(false);
        }

        return await console.Progress().StartAsync(async context =>
        {
            var task = context.AddTask("messages", maxValue: messages.Count);
            var progress = new Progress<LocalRunProgress>(p =>
            {
                task.Description = p.Phase;
                task.Value = p.Settled;
            });
            return await LocalRunner.RunAsync(path, messages, options, progress, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }
}
