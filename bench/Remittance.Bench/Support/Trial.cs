using System.Globalization;

namespace Remittance.Bench.Support;

/// <summary>One timed trial: items done, wall time and this process's CPU time.</summary>
public sealed record Trial(int Items, TimeSpan Wall, TimeSpan Cpu)
{
    public double PerSecond => Items / Wall.TotalSeconds;

    public double CpuMicrosPerItem => Cpu.TotalMicroseconds / Items;

    public static Trial From(CpuClock start, CpuClock end, int items) => new(items, end.WallSince(start), end.CpuSince(start));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PerSecond:F0}/s");
}
