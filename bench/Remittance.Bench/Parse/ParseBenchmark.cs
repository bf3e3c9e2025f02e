using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Remittance.Bench.Support;
using static Remittance.Bench.Support.Formatting;

namespace Remittance.Bench.Parse;

/// <summary>Issue 5, benchmark 1 (micro): BenchmarkDotNet with MemoryDiagnoser on <see cref="ParseBenchmarks"/>.</summary>
public static class ParseBenchmark
{
    public static Task<string> RunAsync(BenchContext context)
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
        var summaries = BenchmarkRunner.Run([typeof(ParseBenchmarks), typeof(IngestCpuBenchmarks)], config);

        var table = new MarkdownTable("benchmark (one message per operation)", "median", "mean ± stddev", "allocated per message");
        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            var statistics = report.ResultStatistics
                ?? throw new InvalidOperationException($"{report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} produced no measurements.");
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            table.Row(report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                $"{N(statistics.Median)} ns",
                $"{N(statistics.Mean)} ± {N(statistics.StandardDeviation)} ns",
                allocated is { } bytes ? $"{N(bytes)} B" : "n/a");
        }

        var samples = new SampleMessages(context.Paths);
        var sizes = Enumerable.Range(0, samples.TemplateCount).Select(i => (double)System.Text.Encoding.UTF8.GetByteCount(samples.Body("size", i))).ToList();
        var first = new FileInfo(Path.Combine(context.Paths.Samples, "partner-messages", "001-settled-usd-business.json")).Length;
        return Task.FromResult($"""
            ### Results

            Messages: sample 001 is {N(first)} bytes; the {samples.TemplateCount} distinct valid samples are {N(sizes.Min())}–{N(sizes.Max())} bytes
            (mean {N(sizes.Average())}). The stub-HTTP rows put a real AmazonDynamoDBClient on an HTTP handler that answers an empty JSON object at once:
            the handler's own CPU next to the SDK's, with no server, socket or DynamoDB Local in the picture.

            BenchmarkDotNet {typeof(BenchmarkRunner).Assembly.GetName().Version} in process, MemoryDiagnoser, {job.Run.WarmupCount} warm-up and
            {job.Run.IterationCount} measured iterations per benchmark; full report in `out/bench/BenchmarkDotNet.Artifacts/results/`.

            {table}
            """);
    }
}
