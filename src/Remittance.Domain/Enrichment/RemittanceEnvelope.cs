using System.Security.Cryptography;
using System.Text;

namespace Remittance.Domain.Enrichment;

/// <summary>
/// The event the enrichment service publishes to SNS for each enriched remittance, and the body the notification
/// service's ingest receives from SQS. The SNS subscription uses <b>raw message delivery</b>, so the SQS body is this
/// JSON object itself, never wrapped in an SNS notification. See <see cref="EnvelopeWriter"/> and <see cref="EnvelopeParser"/>.
/// </summary>
/// <param name="EventId">Derived from the request ID (<see cref="EventIdFor"/>), so a republish carries the same ID.</param>
/// <param name="OccurredAt">When enrichment finished, in UTC.</param>
public sealed record RemittanceEnvelope(Guid EventId, DateTimeOffset OccurredAt, EnrichedRemittance Data)
{
    public const string Type = "remittance.enriched";
    public const string Version = "1";

    // Part of the wire format: changing it changes every event ID, so a new namespace means a new event version.
    private const string EventIdNamespace = "remittance.enriched/v1/";

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string EventType => Type;

    public string EventVersion => Version;

    /// <summary>The envelope for <paramref name="data"/>, with its derived event ID and <paramref name="occurredAt"/> in UTC.</summary>
    public static RemittanceEnvelope For(EnrichedRemittance data, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new RemittanceEnvelope(EventIdFor(data.RequestId), occurredAt.ToUniversalTime(), data);
    }

    /// <summary>
    /// A name-based UUID: the first 128 bits of SHA-256 over UTF-8 <c>"remittance.enriched/v1/" + requestId</c>, with the
    /// RFC 9562 version set to 8 (custom; v5 would mean SHA-1) and the RFC variant bits. The same request ID always gives
    /// the same event ID, so consumers can deduplicate a republished event by it.
    /// </summary>
    public static Guid EventIdFor(string requestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(s_strictUtf8.GetBytes(EventIdNamespace + requestId), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
