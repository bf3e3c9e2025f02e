using System.Globalization;
using Remittance.Cost.MeteredRun;
using Remittance.Cost.Metering;
using Remittance.Workflows.Definition;

namespace Remittance.Cost.Pricing;

/// <summary>Turns two metered runs (happy path, one redrive) into the cost of both designs at the given prices and volume.</summary>
public static class CostModel
{
    /// <summary>Hours in a billing month, as AWS's pricing examples count them.</summary>
    public const decimal HoursPerMonth = 730m;

    /// <summary>The issue's target: ours at most 60 % of the seed per remittance on the happy path.</summary>
    public const decimal Target = 0.60m;

    public static CostReport Build(
        string input,
        CostMeasurement happy,
        CostMeasurement redrive,
        UnitPrices prices,
        LambdaMemory memory,
        long volume,
        int sweepIntervalMinutes)
    {
        var designs = new List<DesignCost>
        {
            Design(CostReport.Ours, CostReport.HappyPath, happy, OurModel, prices, memory, volume),
            Design(CostReport.Seed, CostReport.HappyPath, happy, SeedDesign.Model, prices, memory, volume),
            Design(CostReport.Ours, CostReport.OneRedrive, redrive, OurModel, prices, memory, volume),
            Design(CostReport.Seed, CostReport.OneRedrive, redrive, SeedDesign.Model, prices, memory, volume),
        };

        // The sweeps that found nothing: what the schedule costs every interval, at any volume (the same for both designs).
        var scheduledSweeps = happy.Ledger.Invocations.Count(i => happy.Ledger.IsScheduled(i.Site));
        var rounds = Math.Max(1, scheduledSweeps / happy.Tables.Count);
        var perRound = OurDesign.Measure(happy, memory, null, scheduled: true).Total().Per(rounds);
        var roundsPerMonth = HoursPerMonth * 60m / sweepIntervalMinutes;
        var schedule = new ScheduleCost(sweepIntervalMinutes, roundsPerMonth, perRound, perRound.Cost(prices).Total * roundsPerMonth);

        decimal Ratio(string scenario) =>
            designs.Single(d => d.Design == CostReport.Ours && d.Scenario == scenario).PerMillion.Total
            / designs.Single(d => d.Design == CostReport.Seed && d.Scenario == scenario).PerMillion.Total;

        // The seed's notification with its own validate state: one more transition and one more invocation per remittance.
        var validate = happy.Ledger.Invocations.SelectMany(i => i.Steps).Where(s => s.Step == WorkflowSteps.Validate).ToList();
        var validateMs = validate.Count == 0 ? 1m : Math.Max(1m, Math.Ceiling((decimal)validate.Average(s => s.Duration.TotalMilliseconds)));
        var validateState = new Usage(0, 0, 0, 0, 0, 1, 1, validateMs / 1000m * memory.WorkflowMb / 1024m, 0, 0, 0).Cost(prices).Total * 1_000_000m;
        var seedHappy = designs.Single(d => d.Design == CostReport.Seed && d.Scenario == CostReport.HappyPath).PerMillion.Total;
        var oursHappy = designs.Single(d => d.Design == CostReport.Ours && d.Scenario == CostReport.HappyPath).PerMillion.Total;

        return new CostReport(input, happy.Remittances, volume, prices, memory, designs, schedule,
            Ratio(CostReport.HappyPath), Ratio(CostReport.OneRedrive), oursHappy / (seedHappy + validateState), Target,
            Assumptions(happy, prices, memory, sweepIntervalMinutes));
    }

    private static UsageBuilder OurModel(CostMeasurement measurement, LambdaMemory memory, string? service) =>
        OurDesign.Measure(measurement, memory, service);

    private static DesignCost Design(
        string design,
        string scenario,
        CostMeasurement measurement,
        Func<CostMeasurement, LambdaMemory, string?, UsageBuilder> model,
        UnitPrices prices,
        LambdaMemory memory,
        long volume)
    {
        var all = model(measurement, memory, null);
        var perRemittance = all.Total().Per(measurement.Remittances);
        var perMillion = perRemittance.Cost(prices).Times(1_000_000m);
        var perService = measurement.Tables.Keys.ToDictionary(
            service => service,
            service => model(measurement, memory, service).Total().Per(measurement.Remittances),
            StringComparer.Ordinal);
        return new DesignCost(design, scenario, perRemittance, perMillion, perMillion.Total * volume / 1_000_000m,
            all.Lambda(measurement.Remittances), perService,
            perService.ToDictionary(s => s.Key, s => s.Value.Cost(prices).Times(1_000_000m), StringComparer.Ordinal));
    }

    private static List<string> Assumptions(CostMeasurement happy, UnitPrices prices, LambdaMemory memory, int sweepIntervalMinutes)
    {
        var roundTrip = SeedDesign.RoundTrip(happy.Ledger).TotalMilliseconds;
        return
        [
            "Measured, not assumed: every count comes from running the real function code on DynamoDB Local through metering wrappers "
            + "(DynamoDB priced at the HTTP boundary from requests and responses, not from DynamoDB Local's ConsumedCapacity).",
            "A remittance = one partner message through both services: enrichment (ingest, start, run, success) and notification "
            + "(ingest of the enriched envelope, start, run, success).",
            "DynamoDB on-demand: 1 WRU per started 1 KB of the larger of the item before and after a write (a failed conditional write "
            + "is charged too); index writes by index-entry size (table key + index key + 100 bytes for KEYS_ONLY): +1 when an item gains "
            + "an index key, +1 when it loses it, 2 when the key changes; transactional writes ×2; reads 1 RRU per started 4 KB, half "
            + "when eventually consistent (BatchGetItem per item, Query/Scan per page, GSIs always eventually consistent).",
            "Step Functions Standard: one transition per state entered, every retry included; the API calls (StartExecution, "
            + "DescribeExecution, RedriveExecution) are free. Lambda: $ per request + billed duration rounded up to 1 ms × memory "
            + $"(ingest {memory.IngestMb} MB, stream {memory.StreamMb} MB, workflow {memory.WorkflowMb} MB, status {memory.StatusMb} MB, "
            + $"sweeper {memory.SweeperMb} MB, {LambdaArchitectureNames.Of(prices.LambdaArchitecture)}). Durations are wall-clock times measured on this machine (x86_64; "
            + "arm64 is priced with the same durations, which Graviton may not match) against DynamoDB Local, "
            + "after a warm-up run (no JIT or cold start, no init time), with workflow runs one at a time so that they do not queue "
            + "on the one local server. With no network in between they are shorter than in AWS; Lambda duration is under 1 % of "
            + "either design's cost, so the comparison hardly depends on it.",
            "SQS: the partner's SendMessage and SNS's delivery to the notification queue are one request each (per started 64 KB); "
            + "Lambda's event source makes one ReceiveMessage and one DeleteMessageBatch per batch of up to 10. Empty long polls are a "
            + "fixed cost per queue, not per remittance, and are left out. SNS: one publish per started 64 KB; delivery to SQS is free "
            + "on the SNS side; delivery to e-mail/SMS (the outbox topic's subscribers) is not included.",
            "Batches are what the local run formed: ingest takes up to 10 queued messages per invocation, the stream function every "
            + "INSERT of a RECEIVED item the shard had (the deployed event-source filter drops all other records before Lambda). At "
            + "production rates batches are smaller, which adds the same few invocations to both designs.",
            "'One redrive': each remittance's first enrichment run fails at the enrich step with InvoiceNotFoundError (not retried in "
            + "place, not caught), is recorded by the status function, re-driven by the next scheduled sweep, and succeeds. The "
            + "notification service runs its happy path. The sweep that re-drove is counted per remittance (divided by the "
            + $"{happy.Remittances} remittances it served); sweeps that found nothing are the schedule's fixed cost (one sweep per "
            + $"service every {sweepIntervalMinutes} minutes, {HoursPerMonth} hours a month, input {{\"stuckAfterMinutes\":30}}).",
            "The seed design as described: the same ingest, stream start, status function and sweeper; the stream function marks the "
            + "item RUNNING with runningJob set when it starts the run (one more UpdateItem, and an index entry added that the record "
            + "step removes again); a Lambda task state per workflow step, so each step is a transition and an invocation: "
            + "enrichment validate, enrich, transform, publish, record (5); notification choose template, render, send, record (4: "
            + "the steps ours runs, one state each). It is priced from the same run: our writes are applied again to the seed's items "
            + "(with its RUNNING update after each insert), each measured step time becomes one invocation, and the seed's publish and "
            + "record invocations (and the RUNNING update in its stream function) each last one DynamoDB round trip, the fastest "
            + $"write measured here ({roundTrip.ToString("F1", CultureInfo.InvariantCulture)} ms; real SNS and DynamoDB calls take "
            + "longer, so the seed's Lambda figures are a lower bound). Its re-run after a failure is counted from where ours "
            + "resumes (the failure here is in the first state, where both start over). Had the seed's notification also validated "
            + "in a state of its own, as its enrichment does (5 states), see the ratio 'if the seed's notification validates'.",
            "Not included (equal for both designs or not per remittance): storage, point-in-time recovery, KMS requests (data keys "
            + "are cached), CloudWatch Logs and metrics, EventBridge (AWS service events to the default bus are free), data transfer, "
            + "free tiers and volume discounts.",
        ];
    }
}
