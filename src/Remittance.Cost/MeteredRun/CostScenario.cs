namespace Remittance.Cost.MeteredRun;

/// <summary>What happens to each remittance in a metered run.</summary>
public enum CostScenario
{
    /// <summary>Nothing fails: ingest, start, one run, success, in both services.</summary>
    HappyPath,

    /// <summary>
    /// Each remittance's first enrichment run fails once at the enrich step (its invoice is not there yet: an error the
    /// workflow does not retry in place), the status function records it, the sweeper re-drives it, the run succeeds.
    /// </summary>
    OneRedrive,
}
