using System.Text.Json.Nodes;
using Remittance.Domain.Enrichment;

namespace Remittance.Pipeline.Contracts;

/// <summary>
/// The notification service's contract: enriched envelopes from the enrichment service's topic (raw delivery). An
/// envelope's identity is everything but <c>occurredAt</c>: the enrichment function may publish the same event again
/// (a retried task), stamped later, and that must be a duplicate, not a conflict. Its event ID is derived from the
/// request ID and its data are the enrichment's result, so a different event still differs.
/// </summary>
public sealed class EnvelopeContract : IMessageContract
{
    public static EnvelopeContract Instance { get; } = new();

    public ParsedMessage Parse(string? body)
    {
        var result = EnvelopeParser.Parse(body);
        return new ParsedMessage(result.RequestId, result.Document, result.Envelope?.Data.PartnerId, "1", result.Errors, Identity(result.Document), result.Element);
    }

    private static JsonObject? Identity(JsonObject? document)
    {
        if (document is null)
        {
            return null;
        }

        var identity = document.DeepClone().AsObject();
        identity.Remove(EnvelopeFields.OccurredAt);
        return identity;
    }
}
