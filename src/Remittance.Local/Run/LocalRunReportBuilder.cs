using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Remittance.Aws.StepFunctions;
using Remittance.Domain;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Storage;
using Remittance.Pipeline.Tracking;
using Remittance.Workflows.Definition;

namespace Remittance.Local.Run;

/// <summary>Joins what the functions reported with what the table holds, so every message is accounted for.</summary>
public static class LocalRunReportBuilder
{
    public const string WorkflowRunnerDescription =
        "local runner: both workflow definitions executed by the local Step Functions, which invokes each service's workflow function (retry delays " +
        "x0.001); enriched envelopes go through an in-process topic to the notification service's queue; failures are " +
        "recorded by the status function and re-driven by the sweeper until none is eligible";

    public static LocalRunReport Build(LocalRunFacts facts)
    {
        var lastResult = new Dictionary<string, IngestResult>(StringComparer.Ordinal);
        var receives = new Dictionary<string, int>(StringComparer.Ordinal);
        var enrichment = facts.Enrichment;
        foreach (var result in enrichment.IngestResults)
        {
            lastResult[result.MessageId] = result;
            receives[result.MessageId] = receives.GetValueOrDefault(result.MessageId) + 1;
        }

        var deadLettered = enrichment.Queue.DeadLetters.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        var deliveries = facts.MessageOrder.Select(id =>
        {
            var result = lastResult.GetValueOrDefault(id);
            var outcome = deadLettered.Contains(id) ? "DEAD_LETTERED" : result?.Outcome.ToString().ToUpperInvariant() ?? "NOT_DELIVERED";
            return new DeliveryEntry(facts.Sources[id].Source, id, outcome, receives.GetValueOrDefault(id), result?.RequestId, result?.Key);
        }).ToList();

        var sourcesByKey = deliveries.Where(d => d.Key is not null)
            .GroupBy(d => d.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(d => d.Source)], StringComparer.Ordinal);
        IReadOnlyList<string> SourcesOf(string key) => sourcesByKey.GetValueOrDefault(key) ?? [];

        var executions = enrichment.StepFunctions.Executions.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var published = facts.Topics.Published.Where(p => p.Topic == WorkflowTopic.Enriched).GroupBy(p => p.RequestId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var notifications = facts.NotificationItems.ToDictionary(i => i[ItemAttributes.RequestId].S, StringComparer.Ordinal);
        var sent = facts.Sent.GroupBy(s => s.RequestId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var remittances = new List<RemittanceEntry>();
        var rejections = new List<RejectionEntry>();
        var conflicts = new List<ConflictEntry>();
        foreach (var item in facts.Items.OrderBy(i => i[ItemAttributes.RequestId].S, StringComparer.Ordinal))
        {
            var key = item[ItemAttributes.RequestId].S;
            var status = Text(item, ItemAttributes.Status);
            if (status == RemittanceStatus.Rejected.ToWire())
            {
                rejections.Add(new RejectionEntry(key, Text(item, ItemAttributes.RejectedRequestId), SourcesOf(key),
                    [.. (item.GetValueOrDefault(ItemAttributes.Reasons)?.L ?? []).Select(r =>
                        new ReasonEntry(r.M["field"].S, r.M["code"].S, r.M["message"].S))]));
            }
            else if (status == RemittanceStatus.Conflict.ToWire())
            {
                conflicts.Add(new ConflictEntry(key, Text(item, ItemAttributes.ConflictsWith) ?? string.Empty, SourcesOf(key),
                    Text(item, ItemAttributes.PayloadHash) ?? string.Empty, Text(item, ItemAttributes.ExistingPayloadHash) ?? string.Empty));
            }
            else
            {
                var executionName = Text(item, ItemAttributes.ExecutionName) ?? string.Empty;
                var execution = executions.GetValueOrDefault(executionName);
                var notification = notifications.GetValueOrDefault(key);
                var handedOver = sent.GetValueOrDefault(key) ?? [];
                remittances.Add(new RemittanceEntry(key, status ?? "?", Attempt(item),
                    executionName, execution?.Status, SourcesOf(key),
                    execution?.Error is { } error ? $"{error}: {execution.Cause}" : null, published.GetValueOrDefault(key),
                    notification is null ? null : Text(notification, ItemAttributes.Status),
                    notification is null ? 0 : Attempt(notification),
                    handedOver.Count(d => !d.Result.AlreadyExisted),
                    handedOver.LastOrDefault()?.TemplateId,
                    handedOver.LastOrDefault() is { } last ? Path.GetRelativePath(Environment.CurrentDirectory, last.Result.Path) : null));
            }
        }

        int Count(IngestOutcome outcome) => deliveries.Count(d => d.Outcome == outcome.ToString().ToUpperInvariant());
        var seconds = Math.Max(facts.Elapsed.TotalSeconds, 1e-6);
        return new LocalRunReport
        {
            Input = facts.Input,
            StartedAt = Timestamps.Format(facts.StartedAt),
            DurationSeconds = Math.Round(facts.Elapsed.TotalSeconds, 3),
            MessagesPerSecond = Math.Round(facts.MessageOrder.Count / seconds, 1),
            WorkflowRunner = WorkflowRunnerDescription,
            DynamoDbLocal = facts.DynamoDbLocal,
            FunctionsRuntime = facts.FunctionsRuntime,
            Faults = facts.Faults.ToString(),
            Seed = facts.Seed,
            FaultsInjected = facts.Faults.Injected,
            Totals = new LocalRunTotals(
                facts.MessageOrder.Count,
                Count(IngestOutcome.Accepted),
                Count(IngestOutcome.Duplicate),
                Count(IngestOutcome.Conflict),
                Count(IngestOutcome.Rejected),
                deadLettered.Count,
                enrichment.IngestResults.Count() - lastResult.Count,
                enrichment.IngestInvocations,
                enrichment.Poller.Invocations,
                // Distinct executions: a stream retry re-offers records after a failed one, and starting again is a no-op.
                enrichment.StepFunctions.Executions.Count,
                enrichment.StartResults.Count(r => r.Outcome == StartOutcome.AlreadyStarted),
                enrichment.Poller.OnFailureDestination.Count,
                enrichment.StepFunctions.Executions.Count(e => e.Status == ExecutionStatus.SUCCEEDED.Value),
                enrichment.StepFunctions.Executions.Count(e => ExecutionStatuses.IsFailure(e.Status)),
                published.Values.Sum(),
                facts.InvoicesSeeded,
                enrichment.StepFunctions.StartCalls,
                enrichment.Sweeps.Count,
                enrichment.Sweeps.Sum(s => s.ReDriven.Total) + facts.Notification.Sweeps.Sum(s => s.ReDriven.Total),
                facts.Items.Concat(facts.NotificationItems).Count(i => i.ContainsKey(ItemAttributes.RetryJob)),
                facts.Items.Concat(facts.NotificationItems).Count(i => i.ContainsKey(ItemAttributes.FailedJob)),
                facts.NotificationItems.Count(i => Text(i, ItemAttributes.Status) == RemittanceStatus.Notified.ToWire()),
                facts.Sent.Count(s => !s.Result.AlreadyExisted),
                facts.Notification.StepFunctions.Executions.Count(e => ExecutionStatuses.IsFailure(e.Status))),
            Remittances = remittances,
            Rejections = rejections,
            Conflicts = conflicts,
            Deliveries = deliveries,
        };
    }

    private static int Attempt(Dictionary<string, AttributeValue> item) =>
        int.Parse(item.GetValueOrDefault(ItemAttributes.Attempt)?.N ?? "0", CultureInfo.InvariantCulture);

    private static string? Text(Dictionary<string, AttributeValue> item, string name) => item.GetValueOrDefault(name)?.S;
}
