namespace Remittance.Pipeline.Tracking;

/// <summary>What recording a failure did.</summary>
public enum FailureOutcome
{
    /// <summary>Recorded; attempts remain, so the item is on the retry index for the sweeper.</summary>
    RecordedForRetry,

    /// <summary>Recorded at the retry threshold: the item is on the failed index and is re-driven only on request.</summary>
    RecordedAsFailed,

    /// <summary>This failure (same execution, same redrive) is already on the item: a duplicate delivery, nothing written.</summary>
    AlreadyRecorded,

    /// <summary>The item belongs to another execution now, or has succeeded: the failure is history, nothing written.</summary>
    Stale,

    /// <summary>No remittance item has this request ID.</summary>
    NotFound,
}
