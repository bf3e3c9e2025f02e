namespace Remittance.Pipeline.Sweeping;

/// <summary>What the sweeper did (or, in a dry run, would do) for an item.</summary>
public enum SweepActionKind
{
    /// <summary>RedriveExecution: the failed execution resumes at the failed state, under its own name.</summary>
    Redrive,

    /// <summary>StartExecution of a new execution under the claimed attempt's pre-generated name.</summary>
    Start,

    /// <summary>A stuck run's failure was recorded; the next sweep re-drives it.</summary>
    RecordFailure,

    /// <summary>The execution with the claimed name already existed: someone else started it, nothing more to do.</summary>
    AlreadyStarted,
}
