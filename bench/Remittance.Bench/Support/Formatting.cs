using System.Globalization;

namespace Remittance.Bench.Support;

/// <summary>Invariant number formatting for the reports.</summary>
public static class Formatting
{
    public static string F(double value, int decimals = 1) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string N(double value, int decimals = 0) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Mb(long bytes) => F(bytes / 1024.0 / 1024.0, 1) + " MB";

    public static string Verdict(bool met) => met ? "**met**" : "**missed**";
}
