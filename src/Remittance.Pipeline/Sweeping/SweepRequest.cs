using System.Text.Json.Serialization;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// What one sweep does. The default (what the schedule sends) re-drives the retry index only. Unknown JSON members
/// are refused: a mistyped <c>dryRun</c> must fail, not run a real sweep.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SweepRequest
{
    public const int MaxRequestIds = 1000;

    /// <summary>Read and decide only; report what would be done.</summary>
    public bool DryRun { get; init; }

    /// <summary>Stop after examining this many items (the next sweep continues).</summary>
    public int? MaxItems { get; init; }

    /// <summary>Examine only these items (read directly, not from the indexes).</summary>
    public IReadOnlyList<string>? RequestIds { get; init; }

    /// <summary>Also re-drive items past the retry threshold (after the cause of an outage is fixed).</summary>
    public bool IncludeFailed { get; init; }

    /// <summary>Also reconcile re-driven runs whose item has not changed for this long.</summary>
    public int? StuckAfterMinutes { get; init; }

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxItems is < 1)
        {
            problems.Add($"maxItems must be at least 1 (was {MaxItems}).");
        }

        if (StuckAfterMinutes is < 0 or > 525_600)
        {
            problems.Add($"stuckAfterMinutes must be between 0 and 525600 (was {StuckAfterMinutes}).");
        }

        if (RequestIds is { } ids && (ids.Count > MaxRequestIds || ids.Any(string.IsNullOrWhiteSpace)))
        {
            problems.Add($"requestIds must hold at most {MaxRequestIds} non-empty request IDs.");
        }

        return problems;
    }
}
