using Remittance.Bench.Support;

namespace Remittance.Bench;

/// <summary>What every benchmark gets: its options, the repository, a progress log (stderr) and the run's token.</summary>
public sealed record BenchContext(BenchOptions Options, RepositoryPaths Paths, Action<string> Log, CancellationToken CancellationToken)
{
    public int PairsOr(int fallback) => Options.Pairs ?? fallback;
}
