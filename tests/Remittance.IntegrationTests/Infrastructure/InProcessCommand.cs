using System.CommandLine;
using Spectre.Console;

namespace Remittance.IntegrationTests.Infrastructure;

/// <summary>Runs one <c>remittance</c> subcommand in-process, as a user types it, capturing its output and error text.</summary>
internal static class InProcessCommand
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(
        Func<IAnsiConsole, TextWriter, TextWriter, Command> create, string[] args, int width = 220)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        var root = new RootCommand("test") { create(console, output, error) };
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
