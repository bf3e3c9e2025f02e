namespace Remittance.Pipeline.Contracts;

/// <summary>
/// What a service accepts on its queue. The enrichment service takes partner messages; the notification service
/// takes enriched envelopes. Everything after parsing (idempotent write, rejections, conflicts) is shared.
/// </summary>
public interface IMessageContract
{
    ParsedMessage Parse(string? body);
}
