using Remittance.Bench.Support;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// The timed rounds, each with one spawn of every variant. Times are medians (min–max) over rounds; comparisons are
/// taken within a round (ratio, difference) and then summarized, so load drift between rounds cancels out.
/// </summary>
public sealed class ColdStartRounds(IReadOnlyList<IReadOnlyDictionary<string, SpawnResult>> rounds)
{
    public int Count => rounds.Count;

    public Spread FirstPoll(string variant) => Of(r => r[variant].ToFirstPoll.TotalMilliseconds);

    public Spread FirstResponse(string variant) => Of(r => Ms(r, variant));

    public Spread Ratio(string variant, string baseline) => Of(r => Ms(r, variant) / Ms(r, baseline));

    public Spread Difference(string variant, string baseline) => Of(r => Ms(r, variant) - Ms(r, baseline));

    public double PeakResident(string variant) => Stats.Median(rounds.Select(r => (double)r[variant].PeakResidentBytes));

    /// <summary>The Lambda asset's megabytes in the page cache at spawn.</summary>
    public Spread PackageCachedMegabytes(string variant) => Of(r => r[variant].PackageCachedBytes / 1024.0 / 1024.0);

    private Spread Of(Func<IReadOnlyDictionary<string, SpawnResult>, double> measure) => Stats.Of(rounds.Select(measure));

    private static double Ms(IReadOnlyDictionary<string, SpawnResult> round, string variant) => round[variant].ToFirstResponse.TotalMilliseconds;
}
