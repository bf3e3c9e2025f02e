using System.Globalization;

namespace Remittance.Bench;

/// <summary>
/// The harness's command line: which benchmark, and the sizes that trade run time against precision. Defaults are the
/// sizes the issue asks for; <c>--quick</c> shrinks everything for a smoke run (numbers are then only indicative).
/// </summary>
public sealed record BenchOptions
{
    public static readonly string[] Benchmarks = ["ingest", "parse", "coldstart", "e2e", "sweeper"];

    /// <summary>The benchmarks to run, in order: one or more names, or every benchmark for <c>all</c>.</summary>
    public required IReadOnlyList<string> Selected { get; init; }

    public required string CommandLine { get; init; }

    public bool Quick { get; init; }

    /// <summary>Alternating A/B trial pairs (ingest, e2e).</summary>
    public int? Pairs { get; init; }

    /// <summary>SQS batches of 10 per ingest trial.</summary>
    public int Batches { get; init; } = 200;

    /// <summary>Spawns of each cold-start variant.</summary>
    public int Spawns { get; init; } = 12;

    /// <summary>
    /// Messages per end-to-end trial. DynamoDB Local slows down as its streams fill, so a much longer trial measures
    /// that decay more than the pipeline; each trial starts on a fresh DynamoDB Local anyway.
    /// </summary>
    public int Messages { get; init; } = 1000;

    /// <summary>Items on the retry index for the sweeper.</summary>
    public int Items { get; init; } = 10_000;

    public double Rate { get; init; } = 200;

    public int Burst { get; init; } = 10;

    /// <summary>Cold start only: spawn just these variants (comma-separated names; hello is always kept), for investigating.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        // Names first (several may be given, so that sections compared with each other come from one run), then options.
        var names = args.TakeWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (names.Count == 0 || names.Any(name => !Benchmarks.Contains(name) && name != "all") || (names.Contains("all") && names.Count > 1))
        {
            throw new ArgumentException($"Usage: <{string.Join('|', Benchmarks)}>... | all [--quick] [--pairs N] [--batches N] [--spawns N] " +
                                        "[--messages N] [--items N] [--rate R] [--burst B] [--only variant,variant]");
        }

        var options = new BenchOptions
        {
            Selected = names[0] == "all" ? Benchmarks : [.. names.Distinct(StringComparer.Ordinal)],
            CommandLine = "dotnet run -c Release --project bench/Remittance.Bench -- " + string.Join(' ', args),
        };
        if (args.Contains("--quick"))
        {
            options = options with { Quick = true, Pairs = 3, Batches = 10, Spawns = 4, Messages = 300, Items = 1500, Rate = 200 };
        }

        for (var i = names.Count; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                continue;
            }

            var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i - 1]} needs a value.");
            options = args[i - 1] switch
            {
                "--pairs" => options with { Pairs = Int(value) },
                "--batches" => options with { Batches = Int(value) },
                "--spawns" => options with { Spawns = Int(value) },
                "--messages" => options with { Messages = Int(value) },
                "--items" => options with { Items = Int(value) },
                "--rate" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "--burst" => options with { Burst = Int(value) },
                "--only" => options with { Only = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append("hello").ToHashSet(StringComparer.Ordinal) },
                var unknown => throw new ArgumentException($"Unknown option {unknown}."),
            };
        }

        return options;
    }

    private static int Int(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number.");
}
