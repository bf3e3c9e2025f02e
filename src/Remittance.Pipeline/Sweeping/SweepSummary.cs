namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// The result of one sweep. In a dry run, <see cref="ReDriven"/> and <see cref="Actions"/> say what would have been
/// done, and nothing was written or started.
/// </summary>
/// <param name="DryRun">Nothing was changed.</param>
/// <param name="Examined">Items read and decided on.</param>
/// <param name="ReDriven">Runs resumed or started (would be, in a dry run).</param>
/// <param name="Actions">One entry per item acted on, by request ID.</param>
/// <param name="Skipped">Items left as they were, with the reason.</param>
/// <param name="Errors">Items (or index scans) that failed; see <see cref="SweepError.LeftClaimed"/>.</param>
/// <param name="Truncated">The sweep stopped early (maxItems, or the invocation's deadline); the next one continues.</param>
/// <param name="Note">Why it stopped early, or other remarks.</param>
public sealed record SweepSummary(
    bool DryRun,
    int Examined,
    ReDrivenCounts ReDriven,
    IReadOnlyList<SweepAction> Actions,
    IReadOnlyList<SkippedItem> Skipped,
    IReadOnlyList<SweepError> Errors,
    bool Truncated,
    string? Note);
