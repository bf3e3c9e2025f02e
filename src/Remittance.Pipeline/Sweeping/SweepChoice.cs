namespace Remittance.Pipeline.Sweeping;

/// <summary>What the sweeper decided to do with one item (see <see cref="ReDrivePolicy"/>).</summary>
public enum SweepChoice
{
    /// <summary>RedriveExecution: the failed execution resumes at the failed state, under its own name.</summary>
    Redrive,

    /// <summary>StartExecution of a new execution under the decided name.</summary>
    Start,

    /// <summary>The run failed and nobody recorded it: record the failure (the next sweep re-drives it).</summary>
    RecordFailure,

    /// <summary>Nothing to do now; the reason says why.</summary>
    Skip,

    /// <summary>Re-driving could do harm (a run succeeded, the attempts are exhausted): report the item as an error.</summary>
    Refuse,
}
