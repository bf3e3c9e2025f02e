using System.Diagnostics;
using Remittance.DynamoDbLocal.Processes;

namespace Remittance.Cdk.Bundling;

/// <summary>Runs the .NET CLI as a child process, waits for it, and fails with the end of its output when it fails.</summary>
public static class DotnetCommand
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(15);

    public static void Run(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(DotnetExecutable(), arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // A parent `dotnet test` / `dotnet run` leaves MSBuild's own variables in our environment; a nested build
        // must resolve its SDK and settings afresh, not inherit the parent build's.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        var output = new OutputTail(200);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);

        var command = $"dotnet {string.Join(' ', arguments)}";
        Console.Error.WriteLine($"[remittance-cdk] {command}");
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{command}' did not finish within {s_timeout.TotalMinutes} minutes:{Environment.NewLine}{output}");
        }

        // The parameterless wait also drains the redirected output.
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with exit code {process.ExitCode}:{Environment.NewLine}{output}");
        }

        Console.Error.WriteLine($"[remittance-cdk] done in {stopwatch.Elapsed.TotalSeconds:F0} s");
    }

    private static string DotnetExecutable()
    {
        // Set by the .NET CLI for the processes it starts (dotnet run, dotnet test): the same SDK host that built us.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return host is not null && File.Exists(host) ? host : "dotnet";
    }
}
