using System.Diagnostics;
using Amazon.DynamoDBv2;
using Remittance.Bench.Support;
using Remittance.DynamoDbLocal;
using Remittance.Local.Run;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Sweeping;
using Remittance.Workflows.Composition;
using static Remittance.Bench.Support.Formatting;

namespace Remittance.Bench.Sweeping;

/// <summary>
/// Issue 5, benchmark 4: the real sweeper (Remittance.Pipeline.Sweeping.Sweeper, built by the composition root with
/// the settings the Lambda builds) re-driving every item on the retry index of DynamoDB Local into a Step Functions
/// stand-in that only records starts, at a configured rate. Measured over the steady part (burst spent, tail
/// excluded): the achieved start rate, and this process's CPU time against wall time, next to a bare-SDK baseline
/// making only the calls any re-drive needs, through the same token bucket, run before and after the sweep. Everything
/// is warmed up first (an untimed baseline run and an untimed sweep of another table), so JIT and DynamoDB Local's
/// own warm-up fall on no measured run.
/// </summary>
public static class SweeperBenchmark
{
    private const double RateTolerance = 0.05;
    private const double CpuTarget = 0.05;

    public static async Task<string> RunAsync(BenchContext context)
    {
        var ct = context.CancellationToken;
        var (count, rate, burst) = (context.Options.Items, context.Options.Rate, context.Options.Burst);
        var samples = new SampleMessages(context.Paths);
        await using var server = await DynamoDbLocalServer.StartAsync(DynamoDbLocalOptions.FromEnvironment(context.Log), ct);
        using var dynamoDb = server.CreateClient();
        var table = "bench-sweeper-" + Guid.NewGuid().ToString("N")[..8];
        var warmTable = table + "-warm";
        foreach (var name in (string[])[table, warmTable])
        {
            await TableSetup.EnsureTableAsync(dynamoDb, name, ct);
        }

        var bareCount = Math.Max(500, count / 10);
        const int BareRuns = 5; // one warm-up, two before the sweep, two after
        var warmCount = Math.Max(300, count / 20);
        context.Log($"sweeper: writing {count:N0} items on the retry index and {BareRuns} × {bareCount:N0} on the failed index for the bare-SDK " +
                    $"baseline, in one table; {warmCount:N0} in another for the warm-up sweep");
        var seeding = Stopwatch.StartNew();

        // The sweep's items and the baseline's share one table, written in alternating slices: DynamoDB Local answered
        // GetItem and UpdateItem 10-50 times slower on whichever of two separate tables was written last (measured:
        // 150-190 ms against 3-7 ms per UpdateItem), which made whichever side used it look slow.
        const int Slices = 10;
        for (var slice = 0; slice < Slices; slice++)
        {
            var (sweepFrom, sweepTo) = (count * slice / Slices, count * (slice + 1) / Slices);
            var (bareFrom, bareTo) = (BareRuns * bareCount * slice / Slices, BareRuns * bareCount * (slice + 1) / Slices);
            await RetryIndexSeeder.SeedAsync(dynamoDb, table, samples, "sweep", sweepTo - sweepFrom, ct, first: sweepFrom);
            await RetryIndexSeeder.SeedAsync(dynamoDb, table, samples, "sweep-bare", bareTo - bareFrom, ct, onFailedIndex: true, first: bareFrom);
        }

        await RetryIndexSeeder.SeedAsync(dynamoDb, warmTable, samples, "sweep-warm", warmCount, ct);
        var bareIds = await RetryIndexSeeder.IdsOnIndexAsync(dynamoDb, table, RemittanceTableSchema.FailedIndex, new SweeperSettings().Segments, ct);
        var onIndex = await RetryIndexSeeder.CountOnIndexAsync(dynamoDb, table, RemittanceTableSchema.RetryIndex, ct);
        if (onIndex != count || bareIds.Count != BareRuns * bareCount)
        {
            throw new InvalidOperationException($"{onIndex} items on the retry index and {bareIds.Count} on the failed index; expected {count} and {BareRuns * bareCount}.");
        }

        context.Log($"sweeper: seeded in {seeding.Elapsed.TotalSeconds:F0} s");
        await using var logSink = new StreamWriter(Stream.Null);
        (Sweeper Sweeper, RecordingStepFunctions Starts, SweeperSettings Settings, RemittanceServices Services) Build(string tableName)
        {
            var stepFunctions = new RecordingStepFunctions(new LocalStepFunctions(TimeProvider.System));
            var services = RemittanceServices.Create(
                new RemittanceOptions
                {
                    TableName = tableName,
                    Service = ServiceCatalog.Enrichment.Name,
                    StateMachineArn = LocalRunOptions.StateMachineArn(ServiceCatalog.Enrichment),
                    StartRatePerSecond = rate,
                    StartBurst = burst,
                },
                FunctionName.Sweeper,
                ServiceCatalog.Enrichment.Profile,
                new RemittanceEdges { DynamoDb = dynamoDb, StepFunctions = stepFunctions, LogWriter = logSink });
            var settings = SweeperSettings.From(services.Options) with { NewExecutionErrors = services.Service.NewExecutionErrors };
            return (services.CreateSweeper(settings), stepFunctions, settings, services);
        }

        var bareStepFunctions = new LocalStepFunctions(TimeProvider.System);
        Task<Trial> Bare(int part, SweeperSettings settings) =>
            BareRedrive.RunAsync(dynamoDb, bareStepFunctions, table, LocalRunOptions.StateMachineArn(ServiceCatalog.Enrichment),
                [.. bareIds.Skip(part * bareCount).Take(bareCount)], settings, ct);

        var warm = Build(warmTable);
        using (warm.Services)
        {
            context.Log($"sweeper: warm-up (untimed): bare-SDK run of {bareCount:N0}, sweep of {warmCount:N0}");
            await Bare(0, warm.Settings);
            await Sweep(warm.Sweeper, warm.Starts, warmCount, ct);
        }

        var (sweeper, starts, settings, services) = Build(table);
        using var _ = services;
        var bare = new List<Trial>();
        for (var part = 1; part <= 2; part++)
        {
            bare.Add(await Bare(part, settings));
            context.Log($"sweeper: bare-SDK baseline before: {bare[^1].CpuMicrosPerItem:F0} µs CPU per item at {bare[^1].PerSecond:F0}/s");
        }

        context.Log($"sweeper: sweeping {count:N0} items at {rate}/s, burst {burst}");
        using var stop = new CancellationTokenSource();
        var cpuSamples = new List<(long At, TimeSpan Cpu, int Starts)>();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            try
            {
                do
                {
                    var now = CpuClock.Now();
                    cpuSamples.Add((now.WallTimestamp, now.Cpu, starts.Count));
                }
                while (await timer.WaitForNextTickAsync(stop.Token));
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The sweep is over.
            }
        }, CancellationToken.None);

        var start = CpuClock.Now();
        await Sweep(sweeper, starts, count, ct);
        var end = CpuClock.Now();
        await stop.CancelAsync();
        await sampler;
        for (var part = 3; part <= 4; part++)
        {
            bare.Add(await Bare(part, settings));
            context.Log($"sweeper: bare-SDK baseline after: {bare[^1].CpuMicrosPerItem:F0} µs CPU per item at {bare[^1].PerSecond:F0}/s");
        }

        var left = await RetryIndexSeeder.CountOnIndexAsync(dynamoDb, table, RemittanceTableSchema.RetryIndex, ct);
        return Report([.. starts.Starts.Order()], cpuSamples, start, end, count, rate, burst, settings, [.. bare], left);
    }

    private static async Task Sweep(Sweeper sweeper, RecordingStepFunctions starts, int count, CancellationToken ct)
    {
        var summary = await sweeper.SweepAsync(new SweepRequest(), ct);
        if (summary.ReDriven.Started != count || summary.Errors.Count > 0 || starts.Count != count)
        {
            throw new InvalidOperationException($"Sweep started {summary.ReDriven.Started} of {count} ({starts.Count} calls), " +
                                                $"{summary.Errors.Count} errors: {summary.Errors.FirstOrDefault()?.Error}");
        }
    }

    private static string Report(long[] starts, List<(long At, TimeSpan Cpu, int Starts)> samples, CpuClock start, CpuClock end,
        int count, double rate, int burst, SweeperSettings settings, Trial[] bare, int left)
    {
        // Steady part: from the 10th to the 90th percentile start; the burst is spent well before it, the tail excluded.
        var (first, last) = (starts[count / 10], starts[count * 9 / 10]);
        var steadyRate = (count * 9 / 10 - count / 10) / Stopwatch.GetElapsedTime(first, last).TotalSeconds;
        var overall = count / end.WallSince(start).TotalSeconds;
        var perSecond = starts.GroupBy(t => (long)Stopwatch.GetElapsedTime(starts[0], t).TotalSeconds).OrderBy(g => g.Key)
            .Select(g => (double)g.Count()).ToList();
        var inner = Stats.Of(perSecond.Skip(1).SkipLast(1));
        var window = samples.Where(s => s.At >= first && s.At <= last).ToList();
        if (window.Count < 2)
        {
            throw new InvalidOperationException("The steady part is shorter than two CPU samples; sweep more items.");
        }

        var steadyCpu = (window[^1].Cpu - window[0].Cpu).TotalSeconds / Stopwatch.GetElapsedTime(window[0].At, window[^1].At).TotalSeconds;
        var cpuPerItem = (window[^1].Cpu - window[0].Cpu).TotalMicroseconds / (window[^1].Starts - window[0].Starts);
        var overallCpu = end.CpuSince(start).TotalSeconds / end.WallSince(start).TotalSeconds;
        var deviation = (steadyRate - rate) / rate;
        var bareCpuPerItem = Stats.Median(bare.Select(b => b.CpuMicrosPerItem));
        var bareShare = Stats.Median(bare.Select(b => b.Cpu.TotalSeconds / b.Wall.TotalSeconds));
        var ownPerItem = cpuPerItem - bareCpuPerItem;
        var ownRelative = ownPerItem / bareCpuPerItem;
        var ownShare = ownPerItem * steadyRate / 1_000_000;
        var table = new MarkdownTable("measure", "value")
            .Row("items on the retry index, all re-driven (a new execution each: the stand-in knows no earlier execution)", $"{N(count)} ({N(left)} left on the index after the sweep)")
            .Row("configured rate / burst", $"{F(rate, 0)}/s / {burst}")
            .Row("sweeper settings (as the Lambda builds them)", $"{settings.Segments} scan segments, {settings.Concurrency} items at a time")
            .Row("**achieved start rate, steady part (10th → 90th percentile start)**", $"**{F(steadyRate, 1)}/s** ({(deviation >= 0 ? "+" : string.Empty)}{F(deviation * 100, 1)} %)")
            .Row("starts per whole second, first and last second excluded: median (min–max)", inner.Format("F0"))
            .Row("achieved rate over the whole sweep (burst and ramp included)", $"{F(overall, 1)}/s")
            .Row("wall time of the sweep", $"{F(end.WallSince(start).TotalSeconds, 1)} s")
            .Row("sweeper: CPU per re-driven item, steady part (scan, GetItem, DescribeExecution, claim UpdateItem, StartExecution)", $"{F(cpuPerItem, 0)} µs")
            .Row("bare SDK: CPU per item, steady part (GetItem, claim UpdateItem, StartExecution; same bucket and concurrency), 2 runs before and 2 after the sweep",
                string.Join(" / ", bare.Select(b => $"{F(b.CpuMicrosPerItem, 0)} µs at {F(b.PerSecond, 0)}/s")) + $"; median {F(bareCpuPerItem, 0)} µs")
            .Row("**sweeper's own overhead**: its CPU per item − the bare SDK's (median of the 4 runs)",
                $"**{F(ownPerItem, 0)} µs per item = {(ownRelative >= 0 ? "+" : string.Empty)}{F(ownRelative * 100, 1)} % of the bare SDK's CPU**, {F(ownShare * 100, 2)} % of one core at {F(steadyRate, 0)}/s")
            .Row("**sweeper process CPU ÷ wall time, steady part**", $"**{F(steadyCpu * 100, 1)} %** of one core ({F(steadyCpu * 100 / Environment.ProcessorCount, 1)} % of the machine); whole sweep {F(overallCpu * 100, 1)} %")
            .Row("bare SDK CPU ÷ wall time at the same rate (median of the 4 runs)", $"{F(bareShare * 100, 1)} % of one core");
        return $"""
            ### Results

            {table}
            Rate within ±{F(RateTolerance * 100, 0)} % of the configured {F(rate, 0)}/s: {Verdict(Math.Abs(deviation) <= RateTolerance)} ({(deviation >= 0 ? "+" : string.Empty)}{F(deviation * 100, 1)} %).
            Sweeper's own CPU (beyond the calls any re-drive needs) < {F(CpuTarget * 100, 0)} % of one core: {Verdict(ownShare < CpuTarget)} ({F(ownShare * 100, 2)} %).
            Two stricter readings, for completeness: the same overhead relative to the bare SDK's CPU per item is
            {F(ownRelative * 100, 1)} % ({(ownRelative < CpuTarget ? "under" : "over")} {F(CpuTarget * 100, 0)} %), and the whole process, SDK calls included, uses {F(steadyCpu * 100, 1)} % of one core
            ({(steadyCpu < CpuTarget ? "under" : "over")} {F(CpuTarget * 100, 0)} %; the bare SDK calls alone take {F(bareShare * 100, 1)} % at this rate).

            CPU is this whole process's (sweeper, AWS SDK, the recording stand-in and a 10 Hz sampler), user + system time, so
            an upper bound on the sweeper's own; DynamoDB Local runs in its own JVM and is not counted.
            """;
    }
}
