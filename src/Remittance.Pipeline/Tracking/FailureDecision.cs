namespace Remittance.Pipeline.Tracking;

/// <summary>
/// Decides what a failure means for an item, from one consistent snapshot of it. Pure, so the recorder can decide
/// again after losing a version race, and a dry-run sweep can say what it would do.
/// </summary>
public static class FailureDecision
{
    public static FailureOutcome Decide(TrackedItem? item, ExecutionFailure failure, int retryThreshold)
    {
        if (item is null)
        {
            return FailureOutcome.NotFound;
        }

        // Execution names are generated before a run starts, so the item always names its newest execution; a failure
        // of any other one belongs to a run that was superseded.
        if (!string.Equals(item.ExecutionName, failure.ExecutionName, StringComparison.Ordinal) || item.HasSucceeded)
        {
            return FailureOutcome.Stale;
        }

        if (item.LastFailure?.Covers(failure) == true)
        {
            return FailureOutcome.AlreadyRecorded;
        }

        return item.Attempt >= retryThreshold ? FailureOutcome.RecordedAsFailed : FailureOutcome.RecordedForRetry;
    }
}
