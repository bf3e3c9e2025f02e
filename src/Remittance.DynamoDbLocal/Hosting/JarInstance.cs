using System.Diagnostics;
using System.Globalization;
using Remittance.DynamoDbLocal.Processes;

namespace Remittance.DynamoDbLocal.Hosting;

/// <summary>DynamoDB Local run from its jar by the local Java, on a port chosen by the caller.</summary>
internal sealed class JarInstance : ILocalInstance
{
    /// <summary>
    /// Runs java under a shell that also waits for end-of-file on its stdin, which is a pipe from this process.
    /// When this process dies in a way that skips ProcessExit (SIGKILL, a crash, and since .NET 10 SIGTERM), the
    /// kernel closes the pipe and the shell kills java, so no orphaned server is left holding memory and a port.
    /// </summary>
    private const string StdinWatchdog =
        """
        exec 3<&0
        "$@" 3<&- </dev/null &
        server=$!
        { cat <&3 >/dev/null 2>&1; kill "$server" 2>/dev/null; } >/dev/null 2>&1 &
        exec 3<&-
        wait "$server"
        """;

    private readonly ManagedProcess _process;

    private JarInstance(ManagedProcess process, int port)
    {
        _process = process;
        Port = port;
        ServiceUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
    }

    public int Port { get; }

    public string ServiceUrl { get; }

    public Task Stopped => _process.Exited;

    /// <summary>Another process took the port between <see cref="FreePort"/> and the server binding it.</summary>
    public bool LostPortRace =>
        _process.HasExited && (_process.Output.Contains("Address already in use") || _process.Output.Contains("BindException"));

    public static JarInstance Start(string java, DynamoDbLocalInstallation installation, int port, string? dbPath)
    {
        var javaArguments = new List<string>
        {
            $"-Djava.library.path={installation.NativeLibraryDirectory}",
            // Tests and the CLI live for seconds to minutes: a quick JVM start matters more than peak throughput.
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-jar", installation.JarPath,
            "-port", port.ToString(CultureInfo.InvariantCulture),
            // One database whatever credentials or region a client signs with, so every client sees the same tables.
            "-sharedDb",
            "-disableTelemetry",
        };
        if (dbPath is null)
        {
            javaArguments.Add("-inMemory");
        }
        else
        {
            javaArguments.Add("-dbPath");
            javaArguments.Add(Path.GetFullPath(dbPath));
        }

        ProcessStartInfo startInfo;
        if (OperatingSystem.IsWindows())
        {
            startInfo = new ProcessStartInfo(java);
        }
        else
        {
            startInfo = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true };
            startInfo.ArgumentList.Add("-c");
            startInfo.ArgumentList.Add(StdinWatchdog);
            startInfo.ArgumentList.Add("dynamodb-local");
            startInfo.ArgumentList.Add(java);
        }

        foreach (var argument in javaArguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.WorkingDirectory = installation.Directory;
        return new JarInstance(ManagedProcess.Start(startInfo), port);
    }

    public ValueTask<string?> DescribeFailureAsync(CancellationToken cancellationToken)
    {
        if (!_process.HasExited)
        {
            return ValueTask.FromResult<string?>(null);
        }

        var hint = _process.Output.Contains("UnsupportedClassVersionError")
            ? " DynamoDB Local 3.x needs Java 17 or later: install a newer JRE (apt-get install openjdk-17-jre-headless) or point JAVA_HOME at one."
            : string.Empty;
        return ValueTask.FromResult<string?>(
            $"DynamoDB Local (java, port {Port}) exited with code {_process.ExitCode} before answering.{hint}{Environment.NewLine}--- server output ---{Environment.NewLine}{_process.Output}");
    }

    public ValueTask<string> RecentOutputAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_process.Output.ToString());

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
