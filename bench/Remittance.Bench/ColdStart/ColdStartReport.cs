using Remittance.Bench.Support;
using static Remittance.Bench.Support.Formatting;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// The cold-start results: the issue's targets for the Native AOT function with verdicts, the composite ReadyToRun
/// build beside it, package sizes, where the time goes, a cold page cache, and the AOT compiler experiments.
/// </summary>
public sealed class ColdStartReport(IReadOnlyList<ColdStartVariant> variants, ColdStartRounds rounds, string outputRoot)
{
    private const double FirstPutItemTarget = 25;
    private const double EmptyTarget = 10;
    private const double ProbeRatioTarget = 1.3;

    /// <summary>Rows of the variants given, each compared (within each round) with the one named beside it; absent variants are left out.</summary>
    public MarkdownTable Table(params (string Variant, string? Baseline)[] rows)
    {
        var table = new MarkdownTable("variant", "spawn → init done (1st /next), median (min–max)", "spawn → first response, median (min–max)",
            "compared with", "÷ that, median of per-round ratios (min–max)", "+ ms over that, median of per-round differences", "peak RSS (VmHWM), median");
        foreach (var (name, baseline) in rows.Where(r => Has(r.Variant)))
        {
            var compared = baseline is not null && Has(baseline);
            table.Row($"`{name}`: {Variant(name).Description}",
                rounds.FirstPoll(name).Format("F1") + " ms",
                rounds.FirstResponse(name).Format("F1") + " ms",
                compared ? $"`{baseline}`" : "–",
                compared ? rounds.Ratio(name, baseline!).Format("F2") : "–",
                compared ? rounds.Difference(name, baseline!).Format("F1") : "–",
                Mb((long)rounds.PeakResident(name)));
        }

        return table;
    }

    public string Full(PublishSettings settings, IReadOnlyList<ColdStartBuild> builds, string steps) => $"""
        ### Results

        Native AOT, as the function's project publishes it: {settings.Describe()}; the hello-world runtime and the probe
        are published with the same properties. Composite ReadyToRun, the publish it replaced, is built in the same run
        from the same code with {string.Join(' ', PublishSettings.Format(CompositeReadyToRun.Properties).Select(p => $"`{p}`"))}
        on top of the function's other settings. {rounds.Count} timed rounds of {variants.Count} variants, after one
        warm-up round, interleaved, the order rotating each round; ratios and differences are taken within a round.

        {Targets()}
        {Table(("hello", null), ("probe-client", "hello"), ("function-empty", "probe-client"), ("probe-put", "hello"), ("function-ingest", "probe-put"))}
        #### Native AOT vs composite ReadyToRun (the previous publish), same run

        {Table(("r2r-hello", "hello"), ("r2r-probe-client", "probe-client"), ("r2r-empty", "function-empty"), ("r2r-probe-put", "probe-put"),
            ("r2r-ingest", "function-ingest"))}
        {Packages(builds)}
        #### Where the time goes: the start-up added one piece at a time (Native AOT)

        The cold-start probe (`bench/Remittance.Bench.ColdProbe`, published like the function) cut at successive stages;
        each row adds one piece of start-up work to the row above. {Ladder()}

        {Table(("hello", null), ("probe-runtime", "hello"), ("probe-json", "probe-runtime"), ("probe-services", "probe-json"),
            ("probe-client", "probe-services"), ("function-empty", "probe-client"), ("probe-put", "probe-client"), ("function-ingest", "probe-put"))}
        {PageCacheSection()}
        #### Experiment: the AOT compiler's instruction set and optimization preference (project-file settings)

        {Table(("function-empty", null), ("isa-default-empty", "function-empty"), ("function-ingest", null), ("isa-default-ingest", "function-ingest"),
            ("speed-ingest", "function-ingest"), ("size-ingest", "function-ingest"))}
        {steps}
        """;

    private string Targets()
    {
        var table = new MarkdownTable("target (issue 11)", "Native AOT (as published)", "verdict", "composite R2R, for comparison", "verdict");
        string Time(string name) => $"`{name}` {rounds.FirstResponse(name).Format("F1")} ms";
        string Ratio(string name, string baseline) => $"`{name}` ÷ `{baseline}` {rounds.Ratio(name, baseline).Format("F2")}";
        string TimeVerdict(string name, double target) => Missed(rounds.FirstResponse(name).Median - target, " ms");
        string RatioVerdict(string name, string baseline) => Missed(rounds.Ratio(name, baseline).Median - ProbeRatioTarget, " ×");
        table.Row($"spawn → first PutItem ≤ {F(FirstPutItemTarget, 0)} ms", Time("function-ingest"), TimeVerdict("function-ingest", FirstPutItemTarget),
            Time("r2r-ingest"), TimeVerdict("r2r-ingest", FirstPutItemTarget));
        table.Row($"first PutItem ≤ {F(ProbeRatioTarget, 1)} × the bare-SDK probe of the same build", Ratio("function-ingest", "probe-put"),
            RatioVerdict("function-ingest", "probe-put"), Ratio("r2r-ingest", "r2r-probe-put"), RatioVerdict("r2r-ingest", "r2r-probe-put"));
        table.Row($"empty event ≤ {F(ProbeRatioTarget, 1)} × the probe up to the client", Ratio("function-empty", "probe-client"),
            RatioVerdict("function-empty", "probe-client"), Ratio("r2r-empty", "r2r-probe-client"), RatioVerdict("r2r-empty", "r2r-probe-client"));
        table.Row($"spawn → response to an empty event ≤ {F(EmptyTarget, 0)} ms", Time("function-empty"), TimeVerdict("function-empty", EmptyTarget),
            Time("r2r-empty"), TimeVerdict("r2r-empty", EmptyTarget));
        if (Has("function-ingest-cold") && Has("r2r-ingest-cold"))
        {
            table.Row($"spawn → first PutItem ≤ {F(FirstPutItemTarget, 0)} ms with the package not in the page cache (not an issue target)",
                Time("function-ingest-cold"), TimeVerdict("function-ingest-cold", FirstPutItemTarget), Time("r2r-ingest-cold"),
                TimeVerdict("r2r-ingest-cold", FirstPutItemTarget));
        }

        return $"""
            Targets (verdicts on the median; ratios are medians of per-round ratios, min–max in brackets):

            {table}
            """;
    }

    private string Ladder()
    {
        string Step(string name, string over) => Signed(rounds.Difference(name, over).Median);
        return $"""
            Per-round medians: the process start and runtime to a bare Runtime API loop (`hello`)
            {F(rounds.FirstResponse("hello").Median, 1)} ms; our runtime loop {Step("probe-runtime", "hello")} ms; source-generated JSON for the
            SQS event {Step("probe-json", "probe-runtime")} ms; options and composition root {Step("probe-services", "probe-json")} ms; the
            `AmazonDynamoDBClient` built in init {Step("probe-client", "probe-services")} ms; the first PutItem (the SDK's first request:
            signing, HTTP connection, marshalling) {Step("probe-put", "probe-client")} ms; our own ingest code on its first run (parse,
            validation, hash, item, processor, log line, and the real item's size) {Step("function-ingest", "probe-put")} ms; the rest of our
            init with no records {Step("function-empty", "probe-client")} ms.
            """;
    }

    private string PageCacheSection()
    {
        if (!Has("function-ingest-cold"))
        {
            return string.Empty;
        }

        var table = new MarkdownTable("variant", "Lambda asset in the page cache at spawn, median (min–max)", "spawn → first response, median (min–max)",
            "+ ms over the warm spawn, median of per-round differences", "÷ the warm spawn");
        foreach (var (name, warm) in new[] { ("function-ingest", (string?)null), ("function-ingest-cold", "function-ingest"), ("r2r-ingest", null), ("r2r-ingest-cold", "r2r-ingest") }.Where(r => Has(r.Item1)))
        {
            table.Row($"`{name}`",
                $"{rounds.PackageCachedMegabytes(name).Format("F1")} of {Mb(LambdaAsset.Bytes(Variant(name).Directory))}",
                rounds.FirstResponse(name).Format("F1") + " ms",
                warm is null ? "–" : rounds.Difference(name, warm).Format("F1"),
                warm is null ? "–" : rounds.Ratio(name, warm).Format("F2"));
        }

        return $"""
            #### Cold page cache: the package read from disk at start

            Lambda reads the package when it starts a sandbox. The `-cold` variants run a copy of the published folder of
            their own whose files are evicted from the page cache before each spawn (`fdatasync`, then
            `posix_fadvise(POSIX_FADV_DONTNEED)` on every file; the system libraries stay cached, as they would on a warm
            Lambda host); the resident bytes are counted with `mincore` just before the spawn. This VM's disk is a
            virtual block device, so "from disk" may still be served from the host's memory: it prices the page faults
            and reads, not a slow network fetch.

            {table}
            """;
    }

    private string Packages(IReadOnlyList<ColdStartBuild> builds)
    {
        var table = new MarkdownTable("build", "published as", "Lambda asset: files", "Lambda asset: size", "Lambda asset: zipped (deflate, optimal)",
            "debug symbols beside it (not in the asset)");
        foreach (var build in builds.Where(b => Directory.Exists(b.Directory(outputRoot))))
        {
            var directory = build.Directory(outputRoot);
            var symbols = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) - LambdaAsset.Bytes(directory);
            table.Row($"`{build.Name}` ({build.Project})", build.Description, N(LambdaAsset.Files(directory).Count), Mb(LambdaAsset.Bytes(directory)),
                Mb(LambdaAsset.ZippedBytes(directory)), Mb(symbols));
        }

        return $"""
            Packages: the Lambda asset is what the runtime reads — every published file but debug symbols (`*.dbg`,
            `*.pdb`); for a Native AOT build that is `bootstrap` alone. Zipped here with System.IO.Compression at the
            optimal level, as an asset zip would be.

            {table}
            """;
    }

    private static string Signed(double milliseconds) => (milliseconds >= 0 ? "+" : string.Empty) + F(milliseconds, 1);

    private static string Missed(double over, string unit) =>
        over <= 0 ? Verdict(true) : $"{Verdict(false)} by {F(over, unit == " ms" ? 1 : 2)}{unit}";

    private bool Has(string name) => variants.Any(v => v.Name == name);

    private ColdStartVariant Variant(string name) => variants.Single(v => v.Name == name);
}
