using Remittance.DynamoDbLocal.Processes;

namespace Remittance.DynamoDbLocal.Hosting;

/// <summary>Whether the docker CLI has an engine behind it; a CLI alone (no daemon, no socket) is common on CI images.</summary>
internal static class DockerEngine
{
    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The docker CLI when an engine answers within a few seconds; otherwise null and why not.</summary>
    public static async Task<(string? Cli, string Reason)> ProbeAsync(CancellationToken cancellationToken)
    {
        if (ExecutableLocator.Find("docker") is not { } cli)
        {
            return (null, "no docker CLI on PATH");
        }

        var result = await CommandRunner.RunAsync(cli, ["info", "--format", "{{.ServerVersion}}"], s_probeTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (result.Succeeded && result.StandardOutput.Trim().Length > 0)
        {
            return (cli, $"Docker engine {result.StandardOutput.Trim()} answered");
        }

        var reason = result.TimedOut
            ? $"'docker info' did not answer within {s_probeTimeout.TotalSeconds:0} s"
            : $"'docker info' failed: {FirstLine(result.StandardError)}";
        return (null, reason);
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no output)";
}
