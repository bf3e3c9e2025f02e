using System.Diagnostics;
using System.Globalization;
using Remittance.DynamoDbLocal.Processes;

namespace Remittance.DynamoDbLocal.Hosting;

/// <summary>
/// DynamoDB Local in a container driven through the docker CLI. Docker picks the host port, bound to
/// 127.0.0.1 only, so there is no port race and nothing is exposed beyond this machine.
/// </summary>
internal sealed class DockerInstance : ILocalInstance
{
    private const int ContainerPort = 8000;
    private const string DataDirectory = "/home/dynamodblocal/data";
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(30);

    // The first run pulls the image (hundreds of MB); later runs start in a second or two.
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_statusInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Removes the container once its stdin (a pipe from this process) reaches end-of-file, which happens however
    /// this process ends: SIGTERM and SIGKILL included, which since .NET 10 do not raise ProcessExit in a console app.
    /// </summary>
    private const string StdinWatchdog = """cat >/dev/null 2>&1; exec "$0" rm --force "$1" >/dev/null 2>&1""";

    private readonly string _cli;
    private readonly string _containerId;
    private readonly ManagedProcess? _watchdog;
    private readonly long _reaperToken;
    private readonly Stopwatch _sinceStatus = new();
    private int _disposed;

    private DockerInstance(string cli, string containerId, int port)
    {
        _cli = cli;
        _containerId = containerId;
        ServiceUrl = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        _watchdog = StartWatchdog(cli, containerId);
        _reaperToken = ProcessReaper.Register(RemoveAtExit);
    }

    public string ServiceUrl { get; }

    // The container is not a child process; a dead one is found by DescribeFailureAsync instead.
    public Task Stopped { get; } = new TaskCompletionSource().Task;

    public static async Task<DockerInstance> StartAsync(string cli, DynamoDbLocalOptions options, CancellationToken cancellationToken)
    {
        var arguments = new List<string>
        {
            "run", "--detach", "--rm",
            "--publish", $"127.0.0.1::{ContainerPort.ToString(CultureInfo.InvariantCulture)}",
            "--label", "remittance.dynamodb-local=true",
        };
        if (options.DbPath is { } dbPath)
        {
            var hostPath = Path.GetFullPath(dbPath);
            Directory.CreateDirectory(hostPath);
            arguments.Add("--volume");
            arguments.Add($"{hostPath}:{DataDirectory}");
        }

        arguments.AddRange([options.DockerImage, "-jar", "DynamoDBLocal.jar", "-sharedDb", "-disableTelemetry"]);
        arguments.AddRange(options.DbPath is null ? ["-inMemory"] : ["-dbPath", DataDirectory]);

        options.Log?.Invoke($"DynamoDB Local: docker run {options.DockerImage} (the first run pulls the image)");
        var run = await CommandRunner.RunAsync(cli, arguments, s_runTimeout, cancellationToken).ConfigureAwait(false);
        var containerId = run.StandardOutput.Trim().Split('\n').LastOrDefault()?.Trim();
        if (!run.Succeeded || string.IsNullOrEmpty(containerId))
        {
            throw new DynamoDbLocalException($"docker run {options.DockerImage} {run.Describe()}");
        }

        try
        {
            var port = await MappedPortAsync(cli, containerId, cancellationToken).ConfigureAwait(false);
            return new DockerInstance(cli, containerId, port);
        }
        catch
        {
            await CommandRunner.RunAsync(cli, ["rm", "--force", containerId], s_commandTimeout, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask<string?> DescribeFailureAsync(CancellationToken cancellationToken)
    {
        // Asking docker costs tens of milliseconds; the probe polls faster than that is worth.
        if (_sinceStatus.IsRunning && _sinceStatus.Elapsed < s_statusInterval)
        {
            return null;
        }

        _sinceStatus.Restart();
        var inspect = await CommandRunner.RunAsync(
            _cli, ["container", "inspect", "--format", "{{.State.Status}}", _containerId], s_commandTimeout, cancellationToken).ConfigureAwait(false);
        // A slow docker answer says nothing about the container; the probe's overall time-out bounds the wait.
        if (inspect.TimedOut || (inspect.Succeeded && inspect.StandardOutput.Trim() is "running" or "created" or "restarting"))
        {
            return null;
        }

        // With --rm an exited container is removed at once, so its logs may already be gone.
        var output = await RecentOutputAsync(cancellationToken).ConfigureAwait(false);
        return $"DynamoDB Local container {_containerId[..Math.Min(12, _containerId.Length)]} stopped before answering "
            + $"(docker inspect {inspect.Describe()}).{Environment.NewLine}--- container output ---{Environment.NewLine}{output}";
    }

    public async ValueTask<string> RecentOutputAsync(CancellationToken cancellationToken)
    {
        var logs = await CommandRunner.RunAsync(_cli, ["logs", "--tail", "40", _containerId], s_commandTimeout, cancellationToken)
            .ConfigureAwait(false);
        return logs.Succeeded ? (logs.StandardOutput + logs.StandardError).Trim() : $"(docker logs {logs.Describe()})";
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        ProcessReaper.Unregister(_reaperToken);
        if (_watchdog is not null)
        {
            await _watchdog.DisposeAsync().ConfigureAwait(false);
        }

        var remove = await CommandRunner.RunAsync(_cli, ["rm", "--force", _containerId], s_commandTimeout, CancellationToken.None)
            .ConfigureAwait(false);
        // With --rm a container that stopped on its own is already gone, which is all dispose wants.
        if (!remove.Succeeded && !remove.StandardError.Contains("No such container", StringComparison.OrdinalIgnoreCase))
        {
            throw new DynamoDbLocalException($"docker rm --force {_containerId} {remove.Describe()}");
        }
    }

    private static async Task<int> MappedPortAsync(string cli, string containerId, CancellationToken cancellationToken)
    {
        var result = await CommandRunner.RunAsync(
            cli, ["port", containerId, $"{ContainerPort.ToString(CultureInfo.InvariantCulture)}/tcp"], s_commandTimeout, cancellationToken)
            .ConfigureAwait(false);

        // "127.0.0.1:32768", one line per published address.
        foreach (var line in result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.LastIndexOf(':');
            if (colon >= 0 && int.TryParse(line.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                return port;
            }
        }

        throw new DynamoDbLocalException($"Could not read the host port of container {containerId}: docker port {result.Describe()}");
    }

    private static ManagedProcess? StartWatchdog(string cli, string containerId)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var startInfo = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true };
        foreach (var argument in new[] { "-c", StdinWatchdog, cli, containerId })
        {
            startInfo.ArgumentList.Add(argument);
        }

        return ManagedProcess.Start(startInfo);
    }

    private void RemoveAtExit()
    {
        using var remove = Process.Start(new ProcessStartInfo(_cli, ["rm", "--force", _containerId])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        });

        // ProcessExit handlers are synchronous and the runtime gives them a few seconds in all.
        remove?.WaitForExit(TimeSpan.FromSeconds(3));
    }
}
