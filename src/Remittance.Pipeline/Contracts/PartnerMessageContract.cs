using Remittance.Domain;

namespace Remittance.Pipeline.Contracts;

/// <summary>The enrichment service's contract: banking partners' payment confirmations.</summary>
public sealed class PartnerMessageContract : IMessageContract
{
    public static PartnerMessageContract Instance { get; } = new();

    public ParsedMessage Parse(string? body)
    {
        var result = PartnerMessageParser.Parse(body);
        return new ParsedMessage(result.RequestId, result.Document, result.Message?.PartnerId,
            result.Message?.SchemaVersion ?? PartnerMessageParser.SupportedSchemaVersion, result.Errors, Element: result.Element);
    }
}
