namespace Remittance.Pipeline.Start;

public enum StartOutcome
{
    /// <summary>StartExecution created the run.</summary>
    Started,

    /// <summary>A run with this name exists already (a replayed stream record): the work is under way, nothing to do.</summary>
    AlreadyStarted,

    /// <summary>Not a record this function owns (not an INSERT of a RECEIVED remittance).</summary>
    Ignored,

    /// <summary>The run cannot be started for a lasting reason; recorded on the item for the sweeper.</summary>
    FailureRecorded,

    /// <summary>A transient failure: the record goes back to the stream to be retried.</summary>
    RetryLater,
}
