using Remittance.Bench.Support;
using static Remittance.Bench.Support.Formatting;

namespace Remittance.Bench.Parse;

/// <summary>
/// Issue 5, benchmark 1 (micro): BenchmarkDotNet with MemoryDiagnoser on <see cref="ParseBenchmarks"/>, and (issue 11)
/// the ingest handler's own work stage by stage (<see cref="IngestStageBenchmarks"/>).
/// </summary>
public static class ParseBenchmark
{
    public static Task<string> RunAsync(BenchContext context)
    {
        var results = MicroBenchmarks.Run(context, typeof(ParseBenchmarks), typeof(IngestStageBenchmarks));
        var stages = results.Names.Where(name => char.IsAsciiDigit(name[0])).ToList();
        var parse = results.Names.Except(stages).ToList();
        var stageSum = stages.Where(name => !name.StartsWith("3.", StringComparison.Ordinal)).Sum(results.Median);
        var stageBytes = stages.Where(name => !name.StartsWith("3.", StringComparison.Ordinal)).Sum(name => results.Allocated(name) ?? 0);

        var samples = new SampleMessages(context.Paths);
        var sizes = Enumerable.Range(0, samples.TemplateCount).Select(i => (double)System.Text.Encoding.UTF8.GetByteCount(samples.Body("size", i))).ToList();
        var first = new FileInfo(Path.Combine(context.Paths.Samples, "partner-messages", "001-settled-usd-business.json")).Length;
        return Task.FromResult($"""
            ### Results

            Messages: sample 001 is {N(first)} bytes; the {samples.TemplateCount} distinct valid samples are {N(sizes.Min())}–{N(sizes.Max())} bytes
            (mean {N(sizes.Average())}). {results.Method}.

            {results.Table("benchmark (one message per operation)", parse)}
            The ingest handler's own work, stage by stage, on the batch of 10 the handler benchmark of section 1 sends (each
            stage alone, on inputs prepared beforehand; stage 4 includes stage 3). Stages 1, 2 and 4–6 add up to
            {N(stageSum)} ns and {N(stageBytes)} B per message: what the handler does besides the SDK call. The rest of
            its difference from the bare SDK is dispatching the batch (Parallel.ForEachAsync, the processor's async
            steps, one PutItemRequest per message) and garbage collection of what all of this allocates.

            {results.Table("stage (one message per operation)", stages)}
            """);
    }
}
