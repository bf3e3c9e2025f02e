using System.Diagnostics;

namespace Remittance.Bench.Support;

/// <summary>This process's CPU time (all threads, user + system) against wall time.</summary>
public readonly record struct CpuClock(TimeSpan Cpu, long WallTimestamp)
{
    public static CpuClock Now()
    {
        using var self = Process.GetCurrentProcess();
        return new CpuClock(self.TotalProcessorTime, Stopwatch.GetTimestamp());
    }

    public TimeSpan CpuSince(CpuClock start) => Cpu - start.Cpu;

    public TimeSpan WallSince(CpuClock start) => Stopwatch.GetElapsedTime(start.WallTimestamp, WallTimestamp);
}
