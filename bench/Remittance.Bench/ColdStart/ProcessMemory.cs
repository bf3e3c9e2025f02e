using System.Globalization;

namespace Remittance.Bench.ColdStart;

/// <summary>A process's peak resident set (VmHWM in /proc/&lt;pid&gt;/status), read while it is still alive.</summary>
public static class ProcessMemory
{
    public static long PeakResidentBytes(int processId)
    {
        var line = File.ReadLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status")
            .FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No VmHWM for process {processId}.");
        var kilobytes = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }
}
