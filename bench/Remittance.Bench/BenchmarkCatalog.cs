using Remittance.Bench.ColdStart;
using Remittance.Bench.EndToEnd;
using Remittance.Bench.Ingest;
using Remittance.Bench.Parse;
using Remittance.Bench.Sweeping;

namespace Remittance.Bench;

/// <summary>The benchmarks by name.</summary>
public static class BenchmarkCatalog
{
    public static Task<string> RunAsync(string name, BenchContext context) => name switch
    {
        "ingest" => IngestBenchmark.RunAsync(context),
        "parse" => ParseBenchmark.RunAsync(context),
        "coldstart" => ColdStartBenchmark.RunAsync(context),
        "e2e" => EndToEndBenchmark.RunAsync(context),
        "sweeper" => SweeperBenchmark.RunAsync(context),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown benchmark."),
    };

    public static string Title(string name) => name switch
    {
        "ingest" => "1. Ingest overhead: handler vs bare SDK",
        "parse" => "1b. Parse + validate per message (BenchmarkDotNet)",
        "coldstart" => "2. Cold start",
        "e2e" => "3. End-to-end local throughput",
        "sweeper" => "4. Sweeper rate and overhead",
        _ => name,
    };
}
