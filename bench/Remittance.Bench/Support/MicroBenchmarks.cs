using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using static Remittance.Bench.Support.Formatting;

namespace Remittance.Bench.Support;

/// <summary>
/// BenchmarkDotNet as every section runs it: in process, MemoryDiagnoser, and the rows the sections quote (median,
/// mean ± standard deviation, bytes allocated per operation).
/// </summary>
public sealed class MicroBenchmarks
{
    private readonly Job _job;
    private readonly IReadOnlyList<BenchmarkReport> _reports;

    private MicroBenchmarks(Job job, IReadOnlyList<BenchmarkReport> reports)
    {
        _job = job;
        _reports = reports;
    }

    public static MicroBenchmarks Run(BenchContext context, params Type[] types)
    {
        // In-process: no generated project to build and restore (this registry serves only exact versions), and the
        // harness is already a Release build. Iterations are raised over the default because the machine is shared.
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(context.Options.Quick ? 2 : 5)
            .WithIterationCount(context.Options.Quick ? 5 : 20);
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(context.Paths.Output, "BenchmarkDotNet.Artifacts"));
        var summaries = BenchmarkRunner.Run(types, config);
        return new MicroBenchmarks(job, [.. summaries.SelectMany(s => s.Reports)]);
    }

    /// <summary>How the rows were measured, for the section's text.</summary>
    public string Method =>
        $"BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version} in process, MemoryDiagnoser, {_job.Run.WarmupCount} warm-up and " +
        $"{_job.Run.IterationCount} measured iterations per benchmark; full report in `out/bench/BenchmarkDotNet.Artifacts/results/`";

    public IEnumerable<string> Names => _reports.Select(Name);

    /// <summary>The median time of one operation, in nanoseconds.</summary>
    public double Median(string name) => Statistics(Report(name)).Median;

    public long? Allocated(string name)
    {
        var report = Report(name);
        return report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
    }

    public MarkdownTable Table(string firstColumn, IEnumerable<string>? names = null)
    {
        var table = new MarkdownTable(firstColumn, "median", "mean ± stddev", "allocated per message");
        foreach (var name in names ?? Names)
        {
            var statistics = Statistics(Report(name));
            table.Row(name, $"{N(statistics.Median)} ns", $"{N(statistics.Mean)} ± {N(statistics.StandardDeviation)} ns",
                Allocated(name) is { } bytes ? $"{N(bytes)} B" : "n/a");
        }

        return table;
    }

    private BenchmarkReport Report(string name) =>
        _reports.SingleOrDefault(r => Name(r) == name) ?? throw new InvalidOperationException($"No benchmark named '{name}' ran.");

    private static string Name(BenchmarkReport report) => report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');

    private static BenchmarkDotNet.Mathematics.Statistics Statistics(BenchmarkReport report) =>
        report.ResultStatistics
        ?? throw new InvalidOperationException($"{Name(report)} produced no measurements.");
}
