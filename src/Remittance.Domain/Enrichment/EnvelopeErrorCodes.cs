namespace Remittance.Domain.Enrichment;

/// <summary>
/// Codes only an enriched envelope can be refused with. Field-level problems use the partner contract's
/// <see cref="ErrorCodes"/> (<c>MISSING_FIELD</c>, <c>WRONG_TYPE</c>, …) with the same meaning.
/// </summary>
public static class EnvelopeErrorCodes
{
    /// <summary><c>eventType</c> is not <c>remittance.enriched</c>.</summary>
    public const string UnsupportedEventType = "UNSUPPORTED_EVENT_TYPE";

    /// <summary><c>eventVersion</c> is not <c>"1"</c>; the data of another version is not read.</summary>
    public const string UnsupportedEventVersion = "UNSUPPORTED_EVENT_VERSION";

    /// <summary><c>eventId</c> is a UUID, but not the one derived from <c>data.requestId</c>.</summary>
    public const string EventIdMismatch = "EVENT_ID_MISMATCH";

    /// <summary><c>data.purpose</c> is a known purpose that contradicts <c>data.outcome</c>.</summary>
    public const string PurposeMismatch = "PURPOSE_MISMATCH";
}
