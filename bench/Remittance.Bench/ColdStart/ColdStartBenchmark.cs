using Remittance.Bench.Support;
using Remittance.DynamoDbLocal;
using Remittance.Pipeline.Schema;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// Issue 5, benchmark 2, restated by issue 11: spawn → first response of the published function binary (Native AOT)
/// against a local Runtime API, next to a hello-world runtime and the start-up probe published with the function's own
/// settings, and the same three published as composite ReadyToRun (the publish AOT replaced). Variants are spawned
/// round-robin, the order rotating each round, so load drift falls on all of them alike; differences and ratios are
/// taken within a round. See <see cref="ColdStartLineup"/> for what is spawned.
/// </summary>
public static class ColdStartBenchmark
{
    public static async Task<string> RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        var output = context.Paths.Output;
        var settings = await PublishSettings.ReadAsync(context.Paths.Root, ColdStartLineup.FunctionProject, ct);
        if (!settings.NativeAot)
        {
            throw new InvalidOperationException($"{ColdStartLineup.FunctionProject} no longer publishes Native AOT ({settings.Describe()}); " +
                                                "this benchmark compares its AOT build with composite ReadyToRun.");
        }

        context.Log($"coldstart: the function's publish settings: {settings.Describe()}");
        var lineup = new ColdStartLineup(settings, output, new SampleMessages(context.Paths));
        if (context.Options.Only is { } only)
        {
            lineup.KeepOnly(only);
        }

        foreach (var build in lineup.Builds)
        {
            await Publisher.PublishAsync(context.Paths.Root, build, output, context.Log, ct);
        }

        foreach (var cold in lineup.Variants.Where(v => v.ColdPageCache))
        {
            Publisher.Copy(cold.Build.Directory(output), cold.Directory);
        }

        await using var server = await DynamoDbLocalServer.StartAsync(DynamoDbLocalOptions.FromEnvironment(context.Log), ct);
        using var dynamoDb = server.CreateClient();
        var table = "bench-coldstart-" + Guid.NewGuid().ToString("N")[..8];
        await TableSetup.EnsureTableAsync(dynamoDb, table, ct);
        var spawner = new Spawner(new Dictionary<string, string>
        {
            ["_HANDLER"] = "ingest",
            ["REMITTANCE_TABLE_NAME"] = table,
            ["REMITTANCE_SERVICE"] = Remittance.Workflows.Composition.ServiceCatalog.Enrichment.Name,
            ["REMITTANCE_DYNAMODB_ENDPOINT"] = server.ServiceUrl,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "remittance-enrichment-ingest",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["TZ"] = ":UTC",
        });

        var rounds = await SpawnRoundsAsync(context, lineup.Variants, spawner);
        var steps = await StepsAsync(context, lineup.Steps, spawner);
        var report = new ColdStartReport(lineup.Variants, rounds, output);
        return context.Options.Only is null
            ? report.Full(settings, lineup.Builds, steps)
            : $"""
              ### Results (only {string.Join(", ", lineup.Variants.Select(v => v.Name))}: an investigation run)

              {report.Table([.. lineup.Variants.Select(v => (v.Name, v.Name == "hello" ? null : (string?)"hello"))])}
              {steps}
              """;
    }

    private static async Task<ColdStartRounds> SpawnRoundsAsync(BenchContext context, IReadOnlyList<ColdStartVariant> variants, Spawner spawner)
    {
        var spawns = context.Options.Spawns;
        context.Log($"coldstart: 1 warm-up round (page cache), then {spawns} rounds of {variants.Count} variants, order rotating");
        var rounds = new List<IReadOnlyDictionary<string, SpawnResult>>();
        for (var round = -1; round < spawns; round++)
        {
            var results = new Dictionary<string, SpawnResult>(StringComparer.Ordinal);
            var offset = Math.Max(round, 0) % variants.Count;
            foreach (var variant in variants.Skip(offset).Concat(variants.Take(offset)))
            {
                // Spawn numbers stay unique per variant (warm-up included) so every ingest writes a new request ID.
                results[variant.Name] = await spawner.SpawnAsync(variant, round + 1, context.CancellationToken);
            }

            if (round >= 0)
            {
                rounds.Add(results);
                context.Log($"  round {round + 1}/{spawns}: {string.Join(", ", results.Values)}");
            }
        }

        return new ColdStartRounds(rounds);
    }

    /// <summary>
    /// The function's own start-up with a stopwatch mark between pieces: untimed spawns (printing the marks costs a
    /// little), the builds alternating.
    /// </summary>
    private static async Task<string> StepsAsync(BenchContext context, IReadOnlyList<ColdStartVariant> steps, Spawner spawner)
    {
        if (steps.Count == 0)
        {
            return string.Empty;
        }

        var runs = steps.ToDictionary(v => v.Name, _ => new List<IReadOnlyList<(string Step, double Milliseconds)>>());
        for (var run = 0; run < context.Options.Spawns; run++)
        {
            foreach (var variant in steps)
            {
                var result = await spawner.SpawnAsync(variant, run, context.CancellationToken, TimeSpan.FromMilliseconds(300));
                runs[variant.Name].Add(StepMarks.Parse(result.Output));
            }
        }

        IReadOnlyList<IReadOnlyList<(string Step, double Milliseconds)>> Of(string name) => runs.TryGetValue(name, out var of) ? of : [];
        var together = new List<(string Build, IReadOnlyList<IReadOnlyList<(string Step, double Milliseconds)>> Runs)>();
        if (Of("probe-steps").Count > 0)
        {
            together.Add(("Native AOT", Of("probe-steps")));
        }

        if (Of("r2r-probe-steps").Count > 0)
        {
            together.Add(("composite R2R", Of("r2r-probe-steps")));
        }

        return $"""

            #### Inside the process: the function's init and first ingest with stopwatch marks

            `probe-steps`: the function's own init as `Program.cs` does it (handler name, options, composition root, DynamoDB
            client, the handler) and its ingest handler, with the message parsed once before the processor runs so the
            first PutItem stands apart; {context.Options.Spawns} untimed spawns of each build, alternating, 1 valid message each.
            Times are from `Main` (what the runtime does before `Main` is not included).

            {(together.Count > 0 ? StepMarks.Table(together) : string.Empty)}
            {(Of("probe-steps-split").Count > 0 ? $"""
                `probe-steps-split` (Native AOT): the same, with pieces done once ahead of their owner so each gets its own mark
                (Console and an HttpClient before the runtime loop; the SDK's credential chain before the DynamoDB client;
                SHA-256 before the first parse):

                {StepMarks.Table([("Native AOT", Of("probe-steps-split"))])}
                """ : string.Empty)}
            """;
    }
}
