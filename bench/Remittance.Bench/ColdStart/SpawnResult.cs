namespace Remittance.Bench.ColdStart;

/// <summary>
/// One spawn: process start → first /next poll (init done) → first response posted; peak RSS by then; how much of the
/// Lambda asset (the published files the runtime reads) was in the page cache at the start; the last lines the process wrote (stdout and stderr).
/// </summary>
public sealed record SpawnResult(
    string Variant,
    TimeSpan ToFirstPoll,
    TimeSpan ToFirstResponse,
    long PeakResidentBytes,
    long PackageCachedBytes,
    IReadOnlyList<string> Output)
{
    public override string ToString() => $"{Variant} {ToFirstResponse.TotalMilliseconds:F0} ms";
}
