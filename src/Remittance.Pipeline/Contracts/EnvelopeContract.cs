using Remittance.Domain.Enrichment;

namespace Remittance.Pipeline.Contracts;

/// <summary>The notification service's contract: enriched envelopes from the enrichment service's topic (raw delivery).</summary>
public sealed class EnvelopeContract : IMessageContract
{
    public static EnvelopeContract Instance { get; } = new();

    public ParsedMessage Parse(string? body)
    {
        var result = EnvelopeParser.Parse(body);
        return new ParsedMessage(result.RequestId, result.Document, result.Envelope?.Data.PartnerId, "1", result.Errors);
    }
}
