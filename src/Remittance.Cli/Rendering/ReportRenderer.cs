using System.Globalization;
using Remittance.Local.Run;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Remittance.Cli.Rendering;

/// <summary>The console view of a local run: every message's fate, then every remittance, rejection and conflict.</summary>
public static class ReportRenderer
{
    public static void Render(IAnsiConsole console, LocalRunReport report)
    {
        var t = report.Totals;
        console.Write(new Rule("[bold]remittance local run[/]").LeftJustified());
        console.WriteLine($"input: {report.Input}");
        console.WriteLine($"DynamoDB Local: {report.DynamoDbLocal}");
        console.WriteLine($"workflow runner: {report.WorkflowRunner}");
        console.WriteLine($"faults: {report.Faults} (seed {report.Seed.ToString(CultureInfo.InvariantCulture)}); injected: " +
            (report.FaultsInjected.Count == 0 ? "none" : string.Join(", ", report.FaultsInjected.Select(f => $"{f.Key} {f.Value.ToString(CultureInfo.InvariantCulture)}"))));
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{t.Messages} messages in {report.DurationSeconds:F2} s ({report.MessagesPerSecond:F1} messages/s); " +
            $"{t.IngestInvocations} ingest and {t.StreamInvocations} stream invocations"));
        console.WriteLine();

        console.Write(Table("Messages", ["source", "outcome", "receives", "record key"],
            report.Deliveries.Select(d => Row(d.Source, d.Outcome, Num(d.Receives), d.Key ?? "-"))));
        console.Write(Table("Remittances", ["request ID", "status", "attempts", "execution name", "execution", "published", "notification", "sent", "template", "from"],
            report.Remittances.Select(r => Row(r.RequestId, r.Status, Num(r.Attempt), r.ExecutionName,
                r.ExecutionError is null ? r.ExecutionStatus ?? "not started" : $"{r.ExecutionStatus} ({r.ExecutionError})",
                Num(r.Published), r.NotificationStatus is null ? "-" : $"{r.NotificationStatus} (attempts {Num(r.NotificationAttempts)})",
                Num(r.NotificationsSent), r.TemplateId ?? "-", string.Join(", ", r.Sources)))));
        if (report.Rejections.Count > 0)
        {
            console.Write(Table("Rejections", ["key", "from", "field", "code", "reason"],
                report.Rejections.SelectMany(r => r.Reasons.Select((reason, i) => Row(
                    i == 0 ? r.Key : string.Empty, i == 0 ? string.Join(", ", r.Sources) : string.Empty,
                    reason.Field, reason.Code, reason.Message)))));
        }

        if (report.Conflicts.Count > 0)
        {
            console.Write(Table("Conflicts (stored remittance kept)", ["key", "request ID", "from", "payload hash", "stored hash"],
                report.Conflicts.Select(c => Row(c.Key, c.RequestId, string.Join(", ", c.Sources), c.PayloadHash[..Math.Min(12, c.PayloadHash.Length)],
                    c.ExistingPayloadHash[..Math.Min(12, c.ExistingPayloadHash.Length)]))));
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accepted {t.Accepted}, duplicates {t.Duplicates}, conflicts {t.Conflicts}, rejected {t.Rejected}, " +
            $"dead-lettered {t.DeadLettered}, redeliveries {t.Redeliveries}; executions {t.ExecutionsStarted} ({t.StartExecutionCalls} StartExecution calls), " +
            $"already running {t.StartsAlreadyRunning}, succeeded {t.ExecutionsSucceeded}, failed {t.ExecutionsFailed}; " +
            $"enriched envelopes published {t.EnrichedPublished}; invoices seeded {t.InvoicesSeeded}; " +
            $"notified {t.Notified}, notifications sent {t.NotificationsSent}; " +
            $"sweeps {t.Sweeps}, re-driven {t.ReDriven}, on retry index {t.OnRetryIndex}, on failed index {t.OnFailedIndex}; " +
            $"stream records to on-failure destination {t.StreamRecordsToOnFailureDestination}"));
    }

    private static Table Table(string title, string[] columns, IEnumerable<IRenderable[]> rows)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            // Execution names are copied into AWS consoles and queries: keep them (and the short columns) on one line.
            var noWrap = column is "execution name" or "source" or "outcome" or "status";
            table.AddColumn(noWrap ? new TableColumn(new Text(column)).NoWrap() : new TableColumn(new Text(column)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row);
        }

        return table;
    }

    // Text, not markup: request IDs and reasons are partner data and may contain '[' or ']'.
    private static IRenderable[] Row(params string[] cells) => [.. cells.Select(cell => (IRenderable)new Text(cell))];

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
