namespace Remittance.Pipeline.Ingest;

public enum IngestOutcome
{
    /// <summary>Written as a new remittance (status RECEIVED).</summary>
    Accepted,

    /// <summary>The same request ID with the same payload was already stored: a successful no-op.</summary>
    Duplicate,

    /// <summary>The request ID is taken by a different payload: recorded as a CONFLICT record, not retried.</summary>
    Conflict,

    /// <summary>The message can never be valid: recorded as a REJECTED record with reasons, not retried.</summary>
    Rejected,

    /// <summary>A transient failure (throttling, 5xx, timeout): reported to SQS so only this message is redelivered.</summary>
    RetryLater,
}
