using System.Globalization;
using System.Text;
using Remittance.Bench.Support;
using Remittance.DynamoDbLocal;
using Remittance.Pipeline.Schema;
using static Remittance.Bench.Support.Formatting;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// Issue 5, benchmark 2: spawn → first response of the published function binary against a local Runtime API, next to
/// a hello-world custom runtime published the same way (the function project's own publish settings, read with MSBuild)
/// and a framework-dependent, non-ReadyToRun build of the function (dotnet bootstrap.dll). Variants are spawned
/// round-robin, the order rotating each round, so load drift falls on all of them alike; differences and ratios are
/// taken within a round. To say where the time goes, the same rounds spawn the cold-start probe
/// (bench/Remittance.Bench.ColdProbe) cut at successive stages of the function's start-up, and the function and hello
/// published with the other ReadyToRun mode (composite with the framework, or per assembly) as an experiment.
/// </summary>
public static class ColdStartBenchmark
{
    private const double Target = 1.2;
    private const string Issue = "issue";
    private const string Attribution = "attribution";
    private const string Experiment = "experiment";

    public static async Task<string> RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        var root = context.Paths.Root;
        var output = context.Paths.Output;
        var settings = await PublishSettings.ReadAsync(root, "src/Remittance.Functions", ct);
        var (mode, otherMode) = settings.Composite ? ("composite", "per-assembly") : ("per-assembly", "composite");
        var flip = new Dictionary<string, string> { ["PublishReadyToRunComposite"] = settings.Composite ? "false" : "true" };
        string[] same = ["-r", "linux-x64", .. settings.Arguments()];
        string[] other = ["-r", "linux-x64", .. settings.Arguments(flip)];
        context.Log($"coldstart: the function's publish settings: {settings.Describe()}");
        var function = await Publisher.PublishAsync(root, "function", "src/Remittance.Functions", ["-r", "linux-x64"], output, context.Log, ct);
        var hello = await Publisher.PublishAsync(root, "hello", "bench/Remittance.Bench.HelloRuntime", same, output, context.Log, ct);
        var frameworkDependent = await Publisher.PublishAsync(root, "function-fdd", "src/Remittance.Functions",
            ["-r", "linux-x64", "--self-contained", "false", "-p:PublishReadyToRun=false", "-p:PublishTrimmed=false"], output, context.Log, ct);
        var probe = await Publisher.PublishAsync(root, "probe", "bench/Remittance.Bench.ColdProbe", same, output, context.Log, ct);
        var functionOther = await Publisher.PublishAsync(root, $"function-{otherMode}", "src/Remittance.Functions", other, output, context.Log, ct);
        var helloOther = await Publisher.PublishAsync(root, $"hello-{otherMode}", "bench/Remittance.Bench.HelloRuntime", other, output, context.Log, ct);
        var probeOther = await Publisher.PublishAsync(root, $"probe-{otherMode}", "bench/Remittance.Bench.ColdProbe", other, output, context.Log, ct);

        await using var server = await DynamoDbLocalServer.StartAsync(DynamoDbLocalOptions.FromEnvironment(context.Log), ct);
        using var dynamoDb = server.CreateClient();
        var table = "bench-coldstart-" + Guid.NewGuid().ToString("N")[..8];
        await TableSetup.EnsureTableAsync(dynamoDb, table, ct);
        var samples = new SampleMessages(context.Paths);
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

        var dotnet = DotnetHost();
        byte[] Empty(int _) => Encoding.UTF8.GetBytes("""{"Records":[]}""");
        Func<int, byte[]> OneMessage(string tag) => spawn => SqsEvents.Payload([($"m-{tag}-{spawn}", samples.Body(tag, spawn))]);
        static void NoFailures(string response)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(response));
            if (SqsEvents.FailureCount(stream) != 0)
            {
                throw new InvalidOperationException($"The ingest function reported failures: {response}");
            }
        }

        ColdStartVariant Probe(string stage, string description, Func<int, byte[]> payload) =>
            new($"probe-{stage}", Attribution, description, probe, Path.Combine(probe, "bootstrap"), [], payload, NoFailures)
            {
                Environment = new Dictionary<string, string> { ["REMITTANCE_PROBE_STAGE"] = stage },
            };

        var variants = new List<ColdStartVariant>
        {
            new("hello", Issue, $"hello-world custom runtime, published as the function is ({mode} R2R)", hello, Path.Combine(hello, "bootstrap"), [],
                _ => "{}"u8.ToArray(), r => Expect(r == "\"hello\"", r)),
            new("function-empty", Issue, "our function, ingest handler, SQS event with no records (runtime start + init + handler, no AWS call)",
                function, Path.Combine(function, "bootstrap"), [], Empty, NoFailures),
            new("function-ingest", Issue, "our function, ingest handler, 1 valid message → PutItem on DynamoDB Local",
                function, Path.Combine(function, "bootstrap"), [], OneMessage("cold-fn"), NoFailures),
            new("fdd-empty", Issue, "our function framework-dependent, no R2R, not trimmed (dotnet bootstrap.dll), no records",
                frameworkDependent, dotnet, ["bootstrap.dll"], Empty, NoFailures),
            new("fdd-ingest", Issue, "same framework-dependent build, 1 valid message → PutItem",
                frameworkDependent, dotnet, ["bootstrap.dll"], OneMessage("cold-fdd"), NoFailures),
            Probe("runtime", "our Runtime API loop (Remittance.Aws LambdaBootstrap), constant response", Empty),
            Probe("json", "+ SQS event read and batch response written (source-generated JSON)", Empty),
            Probe("services", "+ options from the environment, composition root (no AWS client)", Empty),
            Probe("client", "+ AmazonDynamoDBClient built in init (as the function's init does)", Empty),
            Probe("put", "+ 1 message → one conditional PutItem of a minimal item (first AWS call, none of our ingest code)", OneMessage("cold-put")),
            new($"hello-{otherMode}", Experiment, $"hello, {otherMode} R2R", helloOther,
                Path.Combine(helloOther, "bootstrap"), [], _ => "{}"u8.ToArray(), r => Expect(r == "\"hello\"", r)),
            new($"{otherMode}-empty", Experiment, $"our function, {otherMode} R2R (-p:PublishReadyToRunComposite={flip["PublishReadyToRunComposite"]}), no records",
                functionOther, Path.Combine(functionOther, "bootstrap"), [], Empty, NoFailures),
            new($"{otherMode}-ingest", Experiment, $"same {otherMode} build, 1 valid message → PutItem",
                functionOther, Path.Combine(functionOther, "bootstrap"), [], OneMessage("cold-other"), NoFailures),
        };

        if (context.Options.Only is { } only)
        {
            variants.RemoveAll(v => !only.Contains(v.Name));
        }

        var spawns = context.Options.Spawns;
        context.Log($"coldstart: 1 warm-up round (page cache), then {spawns} rounds of {variants.Count} variants, order rotating");
        var rounds = new List<Dictionary<string, SpawnResult>>();
        for (var round = -1; round < spawns; round++)
        {
            var results = new Dictionary<string, SpawnResult>(StringComparer.Ordinal);
            var offset = Math.Max(round, 0) % variants.Count;
            foreach (var variant in variants.Skip(offset).Concat(variants.Take(offset)))
            {
                // Spawn numbers stay unique per variant (warm-up included) so every ingest writes a new request ID.
                results[variant.Name] = await spawner.SpawnAsync(variant, round + 1, ct);
            }

            if (round >= 0)
            {
                rounds.Add(results);
                context.Log($"  round {round + 1}/{spawns}: {string.Join(", ", results.Values)}");
            }
        }

        // The function's own start-up with a stopwatch mark between pieces (untimed spawns: printing the marks costs a
        // little): as published, with the other R2R mode, with environment credentials, and with pieces split out.
        var steps = Probe("steps", "the function's init and ingest handler with stopwatch marks", OneMessage("cold-steps"));
        var stepVariants = new[]
        {
            steps,
            steps with { Name = "probe-steps-other", Directory = probeOther, FileName = Path.Combine(probeOther, "bootstrap"), Payload = OneMessage("cold-steps-o") },
            steps with { Name = "probe-steps-envcreds", Payload = OneMessage("cold-steps-e"), Environment = new Dictionary<string, string> { ["REMITTANCE_PROBE_STAGE"] = "steps-envcreds" } },
            steps with { Name = "probe-steps-split", Payload = OneMessage("cold-steps-s"), Environment = new Dictionary<string, string> { ["REMITTANCE_PROBE_STAGE"] = "steps-split" } },
        };
        var stepRuns = stepVariants.ToDictionary(v => v.Name, _ => new List<IReadOnlyList<(string Step, double Milliseconds)>>());
        for (var run = 0; run < spawns; run++)
        {
            foreach (var variant in stepVariants)
            {
                stepRuns[variant.Name].Add(ParseSteps((await spawner.SpawnAsync(variant, run, ct, TimeSpan.FromMilliseconds(300))).Output));
            }
        }

        // Why: one more spawn of some variants with an EventPipe trace of what the JIT compiled (untimed: tracing slows
        // start-up; the counts are what matter).
        var traces = new List<(string Variant, JitTrace Trace)>();
        foreach (var variant in variants.Where(v => v.Name == "hello" || v.Name == "function-empty" || v.Name == "function-ingest"
                                                    || v.Name == $"hello-{otherMode}" || v.Name == $"{otherMode}-ingest"))
        {
            var path = context.Paths.OutputPath("traces", $"{variant.Name}.nettrace");
            File.Delete(path);
            var traced = await spawner.SpawnAsync(variant with { Environment = JitTrace.Environment(path) }, spawns + 1, ct, TimeSpan.FromSeconds(2));
            traces.Add((variant.Name, JitTrace.Read(path, traced.ToFirstResponse)));
            await File.WriteAllLinesAsync(Path.ChangeExtension(path, ".txt"), traces[^1].Trace.Listing, ct);
            context.Log($"coldstart: {variant.Name} JIT-compiled {traces[^1].Trace.MethodsJitted} methods before its first response");
        }

        var summary = context.Options.Only is null
            ? Report(variants, rounds, hello, function, frameworkDependent, settings, mode, otherMode)
            : $"""
              ### Results (only {string.Join(", ", variants.Select(v => v.Name))}: an investigation run)

              {Table(variants, rounds, variants.Select(v => v.Section).ToHashSet(), "hello", stepwise: false)}
              """;
        return summary + StepsReport(mode, otherMode, stepRuns["probe-steps"], stepRuns["probe-steps-other"], stepRuns["probe-steps-envcreds"], stepRuns["probe-steps-split"])
                       + JitReport(traces);
    }

    private static IReadOnlyList<(string Step, double Milliseconds)> ParseSteps(IReadOnlyList<string> output)
    {
        var steps = output.Where(l => l.StartsWith("probe-step\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (p[2], double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
        return steps.Count > 0 ? steps : throw new InvalidOperationException("The steps probe printed no marks:\n" + string.Join('\n', output));
    }

    private static MarkdownTable Table(List<ColdStartVariant> variants, List<Dictionary<string, SpawnResult>> rounds, IReadOnlySet<string> sections,
        string baseline, bool stepwise)
    {
        Spread Of(Func<Dictionary<string, SpawnResult>, double> measure) => Stats.Of(rounds.Select(measure));
        double Ms(Dictionary<string, SpawnResult> round, string name) => round[name].ToFirstResponse.TotalMilliseconds;
        var table = new MarkdownTable("variant", "spawn → init done (1st /next), median (min–max)", "spawn → first response, median (min–max)",
            $"÷ {baseline}, median of per-round ratios (min–max)", stepwise ? "+ ms over the row above, median of per-round differences" : $"+ ms over {baseline}, median of per-round differences",
            "peak RSS (VmHWM), median", "published size");
        string? previous = null;
        foreach (var variant in variants.Where(v => sections.Contains(v.Section) || v.Name == baseline))
        {
            var results = rounds.Select(r => r[variant.Name]).ToList();
            var over = stepwise ? previous ?? baseline : baseline;
            table.Row($"`{variant.Name}`: {variant.Description}",
                Stats.Of(results.Select(r => r.ToFirstPoll.TotalMilliseconds)).Format("F0") + " ms",
                Stats.Of(results.Select(r => r.ToFirstResponse.TotalMilliseconds)).Format("F0") + " ms",
                Of(r => Ms(r, variant.Name) / Ms(r, baseline)).Format("F2"),
                variant.Name == over ? "–" : Of(r => Ms(r, variant.Name) - Ms(r, over)).Format("F0"),
                Mb((long)Stats.Median(results.Select(r => (double)r.PeakResidentBytes))),
                Mb(Publisher.DirectorySize(variant.Directory)));
            previous = variant.Name;
        }

        return table;
    }

    private static string Report(List<ColdStartVariant> variants, List<Dictionary<string, SpawnResult>> rounds, string hello, string function, string fdd,
        PublishSettings settings, string mode, string otherMode)
    {
        Spread Of(Func<Dictionary<string, SpawnResult>, double> measure) => Stats.Of(rounds.Select(measure));
        double Ms(Dictionary<string, SpawnResult> round, string name) => round[name].ToFirstResponse.TotalMilliseconds;
        MarkdownTable Table(string section, string baseline, bool stepwise) =>
            ColdStartBenchmark.Table(variants, rounds, new HashSet<string>(StringComparer.Ordinal) { section }, baseline, stepwise);

        var empty = Of(r => Ms(r, "function-empty") / Ms(r, "hello")).Median;
        var ingest = Of(r => Ms(r, "function-ingest") / Ms(r, "hello")).Median;
        var (helloOther, emptyOther, ingestOther) = ($"hello-{otherMode}", $"{otherMode}-empty", $"{otherMode}-ingest");
        var otherEmpty = Of(r => Ms(r, emptyOther) / Ms(r, helloOther)).Median;
        var otherIngest = Of(r => Ms(r, ingestOther) / Ms(r, helloOther)).Median;
        var otherEmptyVsHello = Of(r => Ms(r, emptyOther) / Ms(r, "hello")).Median;
        var otherIngestVsHello = Of(r => Ms(r, ingestOther) / Ms(r, "hello")).Median;
        var emptyLater = Of(r => Ms(r, emptyOther) - Ms(r, "function-empty")).Median;
        var ingestLater = Of(r => Ms(r, ingestOther) - Ms(r, "function-ingest")).Median;
        var ourCode = Of(r => Ms(r, "function-ingest") - Ms(r, "probe-put")).Median;
        var ourInit = Of(r => Ms(r, "function-empty") - Ms(r, "probe-client")).Median;
        var emptyOverFloor = Of(r => Ms(r, "function-empty") / Ms(r, "probe-client"));
        var ingestOverFloor = Of(r => Ms(r, "function-ingest") / Ms(r, "probe-put"));
        return $"""
            ### Results

            The function as its project publishes it: {settings.Describe()} ({mode} ReadyToRun); the hello-world runtime and
            the probe are published with the same properties. {rounds.Count} spawns of each variant (after one warm-up
            round), interleaved, the order rotating each round. Published sizes: function {Mb(Publisher.DirectorySize(function))}
            (bootstrap binary {Mb(new FileInfo(Path.Combine(function, "bootstrap")).Length)}), hello {Mb(Publisher.DirectorySize(hello))},
            framework-dependent function {Mb(Publisher.DirectorySize(fdd))} (plus the shared runtime).

            {Table(Issue, "hello", stepwise: false)}
            **Target ≤ {F(Target, 1)} × hello:** runtime start + init + an empty invocation (`function-empty`) {F(empty, 2)} × → {Verdict(empty <= Target)};
            with the first real invocation (`function-ingest`) {F(ingest, 2)} × → {Verdict(ingest <= Target)}.

            The same ratio against the floor that any .NET function using the AWS SDK for DynamoDB pays — the probe below with
            the same runtime loop, JSON, a DynamoDB client built in init and (for the ingest case) one PutItem, but none of our
            code: `function-empty` ÷ `probe-client` {emptyOverFloor.Format("F2")} ×, `function-ingest` ÷ `probe-put`
            {ingestOverFloor.Format("F2")} × (per-round ratios, median (min–max)). That is the share of the gap our own code causes.

            #### Where the time goes: the function's start-up added one piece at a time

            The cold-start probe (`bench/Remittance.Bench.ColdProbe`, published like the function) cut at successive
            stages; each row adds one piece of start-up work to the row above. The rest, per-round medians:
            `function-empty` − `probe-client` (the rest of the function's init: handler name, ingest processor, handler
            wiring with the SQS types' JSON metadata) {F(ourInit, 0)} ms; `function-ingest` − `probe-put` (our parse,
            validation, hash, item, processor and log line on their first run, and the real item's size) {F(ourCode, 0)} ms.

            {Table(Attribution, "hello", stepwise: true)}
            #### Experiment: {otherMode} ReadyToRun instead of {mode} (a project-file change: PublishReadyToRunComposite)

            {Table(Experiment, "hello", stepwise: false)}
            {otherMode} function ÷ {otherMode} hello: {F(otherEmpty, 2)} × empty, {F(otherIngest, 2)} × with the first PutItem
            (÷ the {mode} hello: {F(otherEmptyVsHello, 2)} × and {F(otherIngestVsHello, 2)} ×). The {otherMode} function answers, per-round
            medians, {Signed(emptyLater)} ms later with no records and {Signed(ingestLater)} ms later with the first PutItem than the {mode} one
            (negative: sooner).
            """;
    }

    private static string StepsReport(string mode, string otherMode, List<IReadOnlyList<(string Step, double Milliseconds)>> runs,
        List<IReadOnlyList<(string Step, double Milliseconds)>> otherRuns, List<IReadOnlyList<(string Step, double Milliseconds)>> envRuns,
        List<IReadOnlyList<(string Step, double Milliseconds)>> splitRuns)
    {
        static string At(List<IReadOnlyList<(string Step, double Milliseconds)>> of, int index) => F(Stats.Median(of.Select(r => r[index].Milliseconds)), 1);
        static string Delta(List<IReadOnlyList<(string Step, double Milliseconds)>> of, int index) =>
            index == 0 ? "–" : Stats.Of(of.Select(r => r[index].Milliseconds - r[index - 1].Milliseconds)).Format("F1");

        var table = new MarkdownTable("mark (in process order)", $"as published ({mode}): ms since Main, median", "as published: ms since the previous mark, median (min–max)",
            $"{otherMode} R2R: ms since Main", $"{otherMode} R2R: since the previous mark", "environment credentials: ms since Main", "environment credentials: since the previous mark");
        for (var i = 0; i < runs[0].Count; i++)
        {
            table.Row(runs[0][i].Step, At(runs, i), Delta(runs, i), At(otherRuns, i), Delta(otherRuns, i), At(envRuns, i), Delta(envRuns, i));
        }

        var split = new MarkdownTable("mark (in process order)", "ms since Main, median", "ms since the previous mark, median (min–max)");
        for (var i = 0; i < splitRuns[0].Count; i++)
        {
            split.Row(splitRuns[0][i].Step, At(splitRuns, i), Delta(splitRuns, i));
        }

        return $"""

            #### Inside the process: the function's init and first ingest with stopwatch marks

            `probe-steps`: the function's own init as `Program.cs` does it (handler name, options, composition root, DynamoDB
            client, `AllFunctions.Create`) and its ingest handler, with the message parsed once before the processor runs so
            the first PutItem stands apart; {runs.Count} untimed spawns of each of three builds, alternating, 1 valid message
            each: the probe published as the function is ({mode} R2R); with {otherMode} R2R; and as published, with the DynamoDB
            client given `EnvironmentVariablesAWSCredentials` (Lambda's credentials are environment variables) instead of
            resolving them through the SDK's default chain. Times are from `Main` (runtime start before `Main` is not included).

            {table}
            `probe-steps-split` (as published): the same, with pieces done once ahead of their owner so each gets its own mark
            (Console and an HttpClient before the runtime loop; the SDK's credential chain before the DynamoDB client;
            SHA-256 before the first parse), {splitRuns.Count} spawns:

            {split}
            """;
    }

    private static string JitReport(List<(string Variant, JitTrace Trace)> traces)
    {
        var table = new MarkdownTable("variant", "methods JIT-compiled", "JIT time (sum)", "assemblies loaded", "top namespaces by JIT time (methods, ms)");
        foreach (var (variant, trace) in traces)
        {
            table.Row($"`{variant}`", N(trace.MethodsJitted), F(trace.JitMilliseconds, 0) + " ms", N(trace.AssembliesLoaded),
                string.Join("; ", trace.Groups.Take(6).Select(g => $"{g.Group} ({g.Methods}, {F(g.Milliseconds, 0)})")));
        }

        return $"""

            #### What the JIT compiled before the first response (one extra, traced spawn each; EventPipe, runtime JIT + loader keywords)

            Per-method listings (time, JIT duration, tier, method) and assembly loads: `out/bench/traces/<variant>.txt`.
            Tracing slows the spawn down, so the JIT times are inflated; the counts are what to compare.

            {table}
            """;
    }

    private static string Signed(double milliseconds) => (milliseconds >= 0 ? "+" : string.Empty) + F(milliseconds, 0);

    private static void Expect(bool condition, string response)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Unexpected first response: {response}");
        }
    }

    /// <summary>The dotnet host that runs the framework-dependent build (the one running this harness when it is on PATH).</summary>
    private static string DotnetHost() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(directory => Path.Combine(directory, "dotnet"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException("dotnet is not on PATH.");
}
