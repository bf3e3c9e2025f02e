using System.CommandLine;
using Remittance.Cli.Commands;
using Spectre.Console;

namespace Remittance.Cli;

/// <summary>The <c>remittance</c> command line. Output and error writers are parameters so tests run it in-process.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) ? AnsiSupport.Detect : AnsiSupport.No,
            Interactive = ReferenceEquals(output, Console.Out) ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!console.Profile.Capabilities.Interactive)
        {
            // Redirected output (CI logs, files) has no terminal width; 80 columns would fold every table.
            console.Profile.Width = Math.Max(console.Profile.Width, 180);
        }

        var root = new RootCommand("Remittance: partner payment confirmations → enriched records and notifications.");
        var local = new Command("local", "Run the pipeline or one function on this machine, against DynamoDB Local.");
        local.Add(LocalRunCommand.Create(console, error));
        local.Add(LocalInvokeCommand.Create(output, error));
        root.Add(local);
        root.Add(SweepCommand.Create(console, output, error));
        root.Add(CostCommand.Create(console, output, error));
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken)
            .ConfigureAwait(false);
    }
}
