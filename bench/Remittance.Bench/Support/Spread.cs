using System.Globalization;

namespace Remittance.Bench.Support;

/// <summary>A median with the range it came from.</summary>
public sealed record Spread(double Median, double Min, double Max, int Count)
{
    public string Format(string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median.ToString(format, CultureInfo.InvariantCulture)} ({Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)})");
}
