using System.Diagnostics;
using Remittance.DynamoDbLocal.Processes;

namespace Remittance.Local.Lambda;

/// <summary>
/// The CDK app's publish of the function binary (FunctionsBundle.Publish: same arguments, same artifacts folder), run
/// from the local host, one process at a time.
/// </summary>
internal static class FunctionsPublish
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan s_lockPoll = TimeSpan.FromSeconds(1);
    private static readonly string s_artifactsPath = Path.Combine("cdk", ".build", "artifacts");

    public static async Task RunAsync(string root, string project, string output, CancellationToken cancellationToken)
    {
        // A clean output folder: files a previous publish left behind would otherwise be shipped too.
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        string[] arguments =
        [
            "publish", project,
            "--configuration", "Release",
            "--runtime", FunctionsBinary.RuntimeIdentifier,
            "--output", output,
            "--artifacts-path", Path.Combine(root, s_artifactsPath),
            "--disable-build-servers",
            "--nologo",
            "--verbosity", "minimal",
        ];
        var start = new ProcessStartInfo(DotnetExecutable(), arguments)
        {
            WorkingDirectory = root,
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

        var tail = new OutputTail(200);
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => tail.Add(e.Data);
        process.ErrorDataReceived += (_, e) => tail.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = $"dotnet {string.Join(' ', arguments)}";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(s_timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"'{command}' did not finish within {s_timeout.TotalMinutes} minutes:{Environment.NewLine}{tail}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{command}' failed with exit code {process.ExitCode}:{Environment.NewLine}{tail}");
        }
    }

    /// <summary>
    /// An exclusive open of a lock file that is never deleted (deleting it would let a third process lock a new file
    /// while a second still waits on the old one). The OS drops the lock if the holder dies.
    /// </summary>
    public static async Task<FileStream> AcquireLockAsync(string lockPath, Action<string> notice, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        var waited = Stopwatch.StartNew();
        var announced = false;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
            {
                if (waited.Elapsed > s_lockTimeout)
                {
                    throw new TimeoutException(
                        $"Waited {s_lockTimeout.TotalMinutes:0} min for another process publishing the function binary to release {lockPath}.", exception);
                }

                if (!announced)
                {
                    notice($"[remittance] another process is publishing the function binary; waiting for {lockPath}");
                    announced = true;
                }
            }

            await Task.Delay(s_lockPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string DotnetExecutable()
    {
        // Set by the .NET CLI for the processes it starts (dotnet run, dotnet test): the same SDK host that built us.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return host is not null && File.Exists(host) ? host : "dotnet";
    }
}
