using System.Collections.Concurrent;
using System.Text.Json;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Start;

namespace Remittance.Local.Lambda;

/// <summary>
/// Reads what the functions log (one JSON object per line, as CloudWatch Logs gets it) for the local report: each
/// message's ingest outcome and each stream record's start outcome. The same lines come from an in-process function's
/// log writer and from a binary's standard output, so the report is built the same way whichever runtime ran it.
/// Every line is also passed on to <paramref name="tee"/> (--function-logs).
/// </summary>
public sealed class FunctionLogObserver(TextWriter? tee)
{
    public ConcurrentQueue<IngestResult> IngestResults { get; } = new();

    public ConcurrentQueue<StartResult> StartResults { get; } = new();

    public void Observe(string function, string line)
    {
        if (tee is not null)
        {
            lock (tee)
            {
                tee.WriteLine(line);
            }
        }

        if (!line.StartsWith('{'))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            switch (Text(root, "event"))
            {
                case "ingest.processed" when Enum.TryParse<IngestOutcome>(Text(root, "outcome"), out var outcome):
                    IngestResults.Enqueue(new IngestResult(Text(root, "messageId") ?? string.Empty, outcome, Text(root, "key"), Text(root, "requestId"), []));
                    break;
                case "ingest.retry_later":
                    IngestResults.Enqueue(new IngestResult(Text(root, "messageId") ?? string.Empty, IngestOutcome.RetryLater, null, null, []));
                    break;
                case "start.processed" when Enum.TryParse<StartOutcome>(Text(root, "outcome"), out var started):
                    StartResults.Enqueue(new StartResult(string.Empty, Text(root, "requestId"), Text(root, "executionName"), started, null));
                    break;
            }
        }
        catch (JsonException)
        {
            // Not a structured log line (a runtime message): kept in the tee, not part of the report.
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
