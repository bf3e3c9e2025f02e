namespace Remittance.Bench.Support;

/// <summary>Order statistics over a handful of trials: the median is what is reported, min–max is the spread.</summary>
public static class Stats
{
    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    /// <summary>Linear interpolation between the closest ranks (type 7, as numpy and R default to).</summary>
    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = (int)Math.Ceiling(position);
        return sorted[low] + ((sorted[high] - sorted[low]) * (position - low));
    }

    public static Spread Of(IEnumerable<double> values)
    {
        var list = values.ToList();
        return new Spread(Median(list), list.Count == 0 ? double.NaN : list.Min(), list.Count == 0 ? double.NaN : list.Max(), list.Count);
    }
}
