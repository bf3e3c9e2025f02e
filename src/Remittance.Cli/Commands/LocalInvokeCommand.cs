using System.CommandLine;
using Remittance.DynamoDbLocal;
using Remittance.Local.Invoke;
using Remittance.Local.Run;
using Remittance.Local.RuntimeApi;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Workflows.Composition;

namespace Remittance.Cli.Commands;

/// <summary><c>remittance local invoke &lt;function&gt; --event &lt;file&gt;</c>: one function, one event, as Lambda runs it.</summary>
public static class LocalInvokeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var function = new Argument<string>("function")
        {
            Description = $"The function to run: {string.Join(" | ", Enum.GetNames<FunctionName>().Select(n => n.ToLowerInvariant()))}.",
        };
        var eventFile = new Option<string>("--event", "-e") { Description = "The event JSON file (see samples/events/).", Required = true };
        var endpoint = DynamoDbOptions.Endpoint();
        var table = DynamoDbOptions.Table();
        var functionLog = new Option<bool>("--function-logs") { Description = "Print the function's JSON logs to stderr." };
        var service = ServiceOptions.Service("The service the function belongs to.");
        var runtime = RuntimeOptions.Runtime();
        var functions = RuntimeOptions.FunctionsDirectory();
        var invoices = new Option<string?>("--invoices")
        {
            Description = $"Invoices to seed the Invoices table with (default: {LocalRunOptions.DefaultInvoicesPath} when it exists).",
        };
        var notifications = new Option<string>("--notifications")
        {
            Description = "The notification rules and templates directory.",
            DefaultValueFactory = _ => LocalRunOptions.DefaultNotificationCatalog,
        };
        var command = new Command("invoke", "Run one function on an event file, with the environment the CDK app gives it (in process, or the published binary through the Lambda Runtime API), and print its JSON response.")
        {
            function, eventFile, endpoint, table, functionLog, service, invoices, notifications, runtime, functions,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            FunctionName name;
            try
            {
                name = FunctionNames.Parse(parse.GetValue(function));
            }
            catch (OptionsException)
            {
                await error.WriteLineAsync($"Unknown function '{parse.GetValue(function)}'. Choose one of: " +
                    string.Join(", ", Enum.GetValues<FunctionName>().Select(FunctionNames.Handler)) + ".").ConfigureAwait(false);
                return 2;
            }

            byte[] payload;
            try
            {
                payload = await File.ReadAllBytesAsync(parse.GetRequiredValue(eventFile), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"Cannot read --event: {failure.Message}").ConfigureAwait(false);
                return 2;
            }

            var options = new LocalRunOptions
            {
                TableName = parse.GetRequiredValue(table),
                DynamoDb = DynamoDbOptions.From(parse.GetValue(endpoint), error),
                FunctionLog = parse.GetValue(functionLog) ? error : null,
                Service = ServiceCatalog.Resolve(parse.GetRequiredValue(service)),
                Runtime = parse.GetValue(runtime),
                FunctionsDirectory = parse.GetValue(functions),
                InvoicesPath = parse.GetValue(invoices) ?? (File.Exists(LocalRunOptions.DefaultInvoicesPath) ? LocalRunOptions.DefaultInvoicesPath : null),
                NotificationCatalogDirectory = parse.GetRequiredValue(notifications),
            };
            LocalInvocationResult result;
            try
            {
                result = await LocalInvoker.InvokeAsync(name, payload, options, cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoDbLocalException failure)
            {
                await error.WriteLineAsync($"DynamoDB Local could not start: {failure.Message}").ConfigureAwait(false);
                return 3;
            }
            catch (OptionsException failure)
            {
                await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
                return 2;
            }

            if (result.Succeeded)
            {
                await output.WriteLineAsync(result.PayloadText).ConfigureAwait(false);
                return 0;
            }

            await error.WriteLineAsync($"{result.Status}: {result.ErrorType}").ConfigureAwait(false);
            await output.WriteLineAsync(result.PayloadText).ConfigureAwait(false);
            return 1;
        });
        return command;
    }
}
