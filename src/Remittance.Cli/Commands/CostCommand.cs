// Over 300 lines: the command's options with their validation, and the two reports it prints (tables and JSON); the measuring itself is in Remittance.Cost.
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Remittance.Cost;
using Remittance.Cost.Pricing;
using Remittance.DynamoDbLocal;
using Remittance.Local.Input;
using Remittance.Local.Run;
using Remittance.Notifications;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Remittance.Cli.Commands;

/// <summary>
/// <c>remittance cost [--volume N] [--input …|--generate N] [--price-… $] [--json]</c>: runs remittances through the real
/// pipeline on DynamoDB Local with every billable operation metered, and prices this design against the seed design
/// per remittance, per million and per month.
/// </summary>
public static class CostCommand
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static Command Create(IAnsiConsole console, TextWriter output, TextWriter error)
    {
        var defaults = UnitPrices.UsEast1;
        var input = new Option<string>("--input", "-i")
        {
            Description = "Messages to measure with (a .json file, a .jsonl file or a directory); only valid remittances are used, one per request ID.",
            DefaultValueFactory = _ => "samples/partner-messages",
        };
        var generate = new Option<int?>("--generate") { Description = "Measure with this many generated remittances (made from the valid inputs under new request IDs)." };
        var volume = new Option<long>("--volume")
        {
            Description = "Remittances per month.",
            DefaultValueFactory = _ => CostRunOptions.DefaultVolume,
        };
        var invoices = new Option<string>("--invoices")
        {
            Description = "The Invoices table's rows; must hold every invoice the input refers to.",
            DefaultValueFactory = _ => LocalRunOptions.DefaultInvoicesPath,
        };
        var notifications = new Option<string>("--notifications")
        {
            Description = "The notification rules and templates directory.",
            DefaultValueFactory = _ => LocalRunOptions.DefaultNotificationCatalog,
        };
        var wru = Price("--price-wru", "DynamoDB on-demand, $ per million write request units.", defaults.WriteRequestUnitsPerMillion);
        var rru = Price("--price-rru", "DynamoDB on-demand, $ per million read request units.", defaults.ReadRequestUnitsPerMillion);
        var transition = Price("--price-transition", "Step Functions Standard, $ per million state transitions.", defaults.StateTransitionsPerMillion);
        var lambdaRequest = Price("--price-lambda-request", "Lambda, $ per million requests.", defaults.LambdaRequestsPerMillion);
        var architecture = new Option<string>("--lambda-architecture")
        {
            Description = "The functions' architecture, which sets the GB-second price: x86_64 (deployed today) or arm64 (Graviton, 20 % cheaper per GB-second).",
            DefaultValueFactory = _ => LambdaArchitectureNames.X86_64,
        };
        architecture.AcceptOnlyFromAmong([.. LambdaArchitectureNames.All]);
        var lambdaGbSecond = new Option<decimal?>("--price-lambda-gb-second")
        {
            Description = $"Lambda, $ per GB-second. Default: the us-east-1 list price for --lambda-architecture "
                + $"(x86_64 {UnitPrices.LambdaGbSecondListPrice(LambdaArchitecture.X86_64).ToString(s_invariant)}, "
                + $"arm64 {UnitPrices.LambdaGbSecondListPrice(LambdaArchitecture.Arm64).ToString(s_invariant)}).",
        };
        var sqs = Price("--price-sqs", "SQS, $ per million requests.", defaults.SqsRequestsPerMillion);
        var sns = Price("--price-sns", "SNS, $ per million publishes.", defaults.SnsPublishesPerMillion);
        var memory = new Option<string?>("--lambda-memory")
        {
            Description = "Memory per function, e.g. workflow=1024,stream=128 (default: the deployed ingest=512,stream=256,workflow=512,status=256,sweeper=512).",
        };
        var sweepInterval = new Option<int>("--sweep-interval-minutes")
        {
            Description = "How often each service's sweeper runs (the schedule's fixed cost).",
            DefaultValueFactory = _ => CostRunOptions.DefaultSweepIntervalMinutes,
        };
        var noWarmUp = new Option<bool>("--no-warm-up") { Description = "Skip the warm-up run (then JIT time is measured as Lambda time)." };
        var json = new Option<bool>("--json") { Description = "Print the full result as JSON instead of tables." };
        var endpoint = DynamoDbOptions.Endpoint();
        var command = new Command("cost", "Measure what each remittance costs in AWS operations and dollars, against the seed design.")
        {
            input, generate, volume, invoices, notifications, wru, rru, transition, lambdaRequest, architecture, lambdaGbSecond, sqs, sns, memory, sweepInterval,
            noWarmUp, json, endpoint,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var problems = new List<string>();
            var lambdaArchitecture = LambdaArchitectureNames.Parse(parse.GetRequiredValue(architecture));
            var prices = new UnitPrices
            {
                LambdaArchitecture = lambdaArchitecture,
                WriteRequestUnitsPerMillion = parse.GetValue(wru),
                ReadRequestUnitsPerMillion = parse.GetValue(rru),
                StateTransitionsPerMillion = parse.GetValue(transition),
                LambdaRequestsPerMillion = parse.GetValue(lambdaRequest),
                LambdaGbSecond = parse.GetValue(lambdaGbSecond) ?? UnitPrices.LambdaGbSecondListPrice(lambdaArchitecture),
                SqsRequestsPerMillion = parse.GetValue(sqs),
                SnsPublishesPerMillion = parse.GetValue(sns),
            };
            if (new[] { prices.WriteRequestUnitsPerMillion, prices.ReadRequestUnitsPerMillion, prices.StateTransitionsPerMillion,
                    prices.LambdaRequestsPerMillion, prices.LambdaGbSecond, prices.SqsRequestsPerMillion, prices.SnsPublishesPerMillion }.Any(p => p < 0))
            {
                problems.Add("Prices must not be negative.");
            }

            if (parse.GetValue(volume) < 1)
            {
                problems.Add("--volume must be at least 1.");
            }

            if (parse.GetValue(sweepInterval) is < 1 or > 1440)
            {
                problems.Add("--sweep-interval-minutes must be between 1 and 1440.");
            }

            if (parse.GetValue(generate) is < 1 or > 100_000)
            {
                problems.Add("--generate must be between 1 and 100000.");
            }

            var lambdaMemory = LambdaMemory.Deployed;
            try
            {
                lambdaMemory = LambdaMemory.Parse(parse.GetValue(memory));
            }
            catch (FormatException failure)
            {
                problems.Add($"--lambda-memory: {failure.Message}");
            }

            var path = parse.GetRequiredValue(input);
            IReadOnlyList<InputMessage> remittances = [];
            try
            {
                remittances = CostInput.Remittances(MessageSource.Read(path));
                if (remittances.Count == 0)
                {
                    problems.Add($"--input '{path}' holds no valid remittance.");
                }
            }
            catch (Exception failure) when (failure is FileNotFoundException or IOException or UnauthorizedAccessException)
            {
                problems.Add($"Cannot read --input: {failure.Message}");
            }

            foreach (var (option, value, isDirectory) in new[] { ("--invoices", parse.GetRequiredValue(invoices), false), ("--notifications", parse.GetRequiredValue(notifications), true) })
            {
                if (isDirectory ? !Directory.Exists(value) : !File.Exists(value))
                {
                    problems.Add($"Cannot read {option}: nothing at '{value}'.");
                }
            }

            if (problems.Count > 0)
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, problems)).ConfigureAwait(false);
                return 2;
            }

            var description = $"{path} ({remittances.Count} valid remittances, one per request ID)";
            if (parse.GetValue(generate) is { } count)
            {
                remittances = CostInput.Generate(remittances, count);
                description = $"{count} remittances generated from the valid messages in {path}";
            }

            var options = new CostRunOptions
            {
                InputDescription = description,
                Remittances = remittances,
                InvoicesPath = parse.GetRequiredValue(invoices),
                NotificationCatalogDirectory = parse.GetRequiredValue(notifications),
                DynamoDb = DynamoDbOptions.From(parse.GetValue(endpoint), error),
                Prices = prices,
                Memory = lambdaMemory,
                Volume = parse.GetValue(volume),
                SweepIntervalMinutes = parse.GetValue(sweepInterval),
                WarmUp = !parse.GetValue(noWarmUp),
            };

            CostReport report;
            try
            {
                report = await CostRun.RunAsync(options, new PhaseLog(error), cancellationToken).ConfigureAwait(false);
            }
            catch (DynamoDbLocalException failure)
            {
                await error.WriteLineAsync($"DynamoDB Local could not start: {failure.Message}").ConfigureAwait(false);
                return 3;
            }
            catch (NotificationCatalogException failure)
            {
                await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
                return 2;
            }
            catch (InvalidOperationException failure)
            {
                // A run that did not end as its scenario requires, or a call the meter cannot price: no numbers rather than wrong ones.
                await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
                return 1;
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(report, CostJsonContext.Default.CostReport)).ConfigureAwait(false);
            }
            else
            {
                Render(console, report);
            }

            return 0;
        });
        return command;
    }

    public static void Render(IAnsiConsole console, CostReport report)
    {
        var ours = report.Design(CostReport.Ours, CostReport.HappyPath);
        var seed = report.Design(CostReport.Seed, CostReport.HappyPath);
        var oursRedrive = report.Design(CostReport.Ours, CostReport.OneRedrive);
        var seedRedrive = report.Design(CostReport.Seed, CostReport.OneRedrive);
        DesignCost[] columns = [ours, seed, oursRedrive, seedRedrive];
        string[] headers = ["ours", "seed", "ours, 1 redrive", "seed, 1 redrive"];

        console.Write(new Rule("[bold]remittance cost[/]").LeftJustified());
        console.WriteLine($"measured on: {report.Input}, each through enrichment and notification, on DynamoDB Local");
        console.WriteLine($"volume: {report.Volume.ToString("N0", s_invariant)} remittances a month");
        console.WriteLine("1 redrive: each remittance's first enrichment run fails once (at enrich) and is re-driven by the sweeper");
        console.WriteLine();

        var operations = Table("Operations per remittance (both services)", ["operation", .. headers]);
        AddRow(operations, "DynamoDB requests", columns, u => u.DynamoDbRequests);
        AddRow(operations, "  write request units, tables", columns, u => u.WriteUnits);
        AddRow(operations, "  write request units, indexes", columns, u => u.IndexWriteUnits);
        AddRow(operations, "  index entries added or removed", columns, u => u.IndexEntryChanges);
        AddRow(operations, "  read request units", columns, u => u.ReadUnits);
        AddRow(operations, "Step Functions state transitions", columns, u => u.StateTransitions);
        AddRow(operations, "Lambda invocations", columns, u => u.LambdaInvocations);
        AddRow(operations, "Lambda GB-seconds", columns, u => u.LambdaGbSeconds);
        AddRow(operations, "SQS requests", columns, u => u.SqsRequests);
        AddRow(operations, "SNS publishes", columns, u => u.SnsPublishes);
        AddRow(operations, "Step Functions API calls (free)", columns, u => u.StepFunctionsApiCalls);
        console.Write(operations);

        var p = report.Prices;
        var dollars = Table("$ per million remittances", ["item", "unit price", "ours", "seed", "ours ÷ seed", "ours, 1 redrive", "seed, 1 redrive", "ours ÷ seed"], labels: 2);
        AddCost(dollars, "DynamoDB writes", $"${Exact(p.WriteRequestUnitsPerMillion)} per million WRU", columns, c => c.DynamoDbWrites);
        AddCost(dollars, "DynamoDB reads", $"${Exact(p.ReadRequestUnitsPerMillion)} per million RRU", columns, c => c.DynamoDbReads);
        AddCost(dollars, "Step Functions", $"${Exact(p.StateTransitionsPerMillion)} per million transitions", columns, c => c.StepFunctions);
        AddCost(dollars, "Lambda requests", $"${Exact(p.LambdaRequestsPerMillion)} per million", columns, c => c.LambdaRequests);
        AddCost(dollars, "Lambda duration", $"${Exact(p.LambdaGbSecond)} per GB-s ({LambdaArchitectureNames.Of(p.LambdaArchitecture)})", columns, c => c.LambdaDuration);
        AddCost(dollars, "SQS", $"${Exact(p.SqsRequestsPerMillion)} per million requests", columns, c => c.Sqs);
        AddCost(dollars, "SNS", $"${Exact(p.SnsPublishesPerMillion)} per million publishes", columns, c => c.Sns);
        AddCost(dollars, "total per million", string.Empty, columns, c => c.Total, bold: true);
        dollars.AddRow(Cells(
            [$"per month at {report.Volume.ToString("N0", s_invariant)}", "volume × total ÷ 1,000,000",
                Money(ours.PerMonth), Money(seed.PerMonth), Percent(ours.PerMonth, seed.PerMonth),
                Money(oursRedrive.PerMonth), Money(seedRedrive.PerMonth), Percent(oursRedrive.PerMonth, seedRedrive.PerMonth)], bold: true));
        var schedule = report.Schedule;
        dollars.AddRow(Cells(
            ["+ scheduled sweeps", $"every {schedule.SweepIntervalMinutes} min, both services", Money(schedule.PerMonth), Money(schedule.PerMonth),
                string.Empty, Money(schedule.PerMonth), Money(schedule.PerMonth), string.Empty], bold: false));
        console.Write(dollars);

        var lambda = Table("Lambda per remittance (measured; seed: one invocation per step, publish and record)",
            ["function", "memory", "ours: invocations", "ours: mean billed ms", "seed: invocations", "seed: mean billed ms",
                "ours, 1 redrive: invocations", "seed, 1 redrive: invocations"], labels: 2);
        foreach (var function in ours.Lambda.Select(l => l.Function).Union(oursRedrive.Lambda.Select(l => l.Function)))
        {
            LambdaUse? Of(DesignCost design) => design.Lambda.FirstOrDefault(l => l.Function == function);
            lambda.AddRow(Cells(
                [function, $"{(Of(ours) ?? Of(oursRedrive))!.MemoryMb} MB", Num(Of(ours)?.InvocationsPerRemittance ?? 0), Num(Of(ours)?.MeanBilledMs ?? 0, 1),
                    Num(Of(seed)?.InvocationsPerRemittance ?? 0), Num(Of(seed)?.MeanBilledMs ?? 0, 1),
                    Num(Of(oursRedrive)?.InvocationsPerRemittance ?? 0), Num(Of(seedRedrive)?.InvocationsPerRemittance ?? 0)], bold: false));
        }

        console.Write(lambda);
        var services = Table("$ per million remittances, by service", ["service", "ours", "seed", "ours ÷ seed", "ours, 1 redrive", "seed, 1 redrive", "ours ÷ seed"]);
        foreach (var service in ours.PerServicePerMillion.Keys)
        {
            var v = columns.Select(c => c.PerServicePerMillion[service].Total).ToArray();
            services.AddRow(Cells([service, Money(v[0]), Money(v[1]), Percent(v[0], v[1]), Money(v[2]), Money(v[3]), Percent(v[2], v[3])], bold: false));
        }

        console.Write(services);
        var met = report.HappyPathRatio <= report.Target;
        console.MarkupLine(
            $"Happy path: ours costs [bold]{report.HappyPathRatio.ToString("P1", s_invariant)}[/] of the seed per remittance " +
            $"(target ≤ {report.Target.ToString("P0", s_invariant)}): {(met ? "[green]met[/]" : "[red]not met[/]")}. " +
            $"With one redrive: {report.OneRedriveRatio.ToString("P1", s_invariant)}. If the seed's notification validates in a state of " +
            $"its own (5 states, as its enrichment): {report.HappyPathRatioIfSeedNotificationValidates.ToString("P1", s_invariant)}.");
        console.WriteLine();
        console.WriteLine("Assumptions:");
        for (var i = 0; i < report.Assumptions.Count; i++)
        {
            console.WriteLine($"{i + 1}. {report.Assumptions[i]}");
        }
    }

    // Written as each phase starts (Progress<T> would post to the thread pool and could write after the command ended).
    private sealed class PhaseLog(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine($"cost: {value}");
    }

    private static Option<decimal> Price(string name, string description, decimal value) => new(name)
    {
        Description = $"{description} Default {value.ToString(s_invariant)} (us-east-1).",
        DefaultValueFactory = _ => value,
    };

    // The first <paramref name="labels"/> columns are text; the rest are numbers, right-aligned.
    private static Table Table(string title, string[] columns, int labels = 1)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        foreach (var (column, i) in columns.Select((c, i) => (c, i)))
        {
            table.AddColumn(i < labels ? new TableColumn(new Text(column)).NoWrap() : new TableColumn(new Text(column)).RightAligned());
        }

        return table;
    }

    private static void AddRow(Table table, string label, DesignCost[] columns, Func<Usage, decimal> value) =>
        table.AddRow(Cells([label, .. columns.Select(c => Num(value(c.PerRemittance)))], bold: false));

    private static void AddCost(Table table, string label, string price, DesignCost[] columns, Func<CostBreakdown, decimal> value, bool bold = false)
    {
        var v = columns.Select(c => value(c.PerMillion)).ToArray();
        table.AddRow(Cells([label, price, Money(v[0]), Money(v[1]), Percent(v[0], v[1]), Money(v[2]), Money(v[3]), Percent(v[2], v[3])], bold));
    }

    private static IRenderable[] Cells(string[] cells, bool bold) =>
        [.. cells.Select(cell => (IRenderable)new Text(cell, bold ? new Style(decoration: Decoration.Bold) : Style.Plain))];

    private static string Num(decimal value, int decimals = 4) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("#,##0.##########", s_invariant);

    // Prices exactly as given: a GB-second costs a few hundred-thousandths of a dollar.
    private static string Exact(decimal value) => value.ToString("0.############", s_invariant);

    private static string Money(decimal value) => "$" + (value < 1 ? value.ToString("0.0000", s_invariant) : value.ToString("#,##0.00", s_invariant));

    private static string Percent(decimal part, decimal whole) => whole == 0 ? "-" : (part / whole).ToString("P1", s_invariant);
}
