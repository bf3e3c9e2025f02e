namespace Remittance.Workflows.Definition;

/// <summary>
/// A Task state's Retry rule, in Step Functions' terms: which errors, first interval, backoff rate, attempts (after
/// the first try), an optional cap on the delay, and full jitter so a burst of failures does not retry in lockstep.
/// </summary>
public sealed record RetryPolicy(
    IReadOnlyList<string> Errors,
    int IntervalSeconds,
    double BackoffRate,
    int MaxAttempts,
    int? MaxDelaySeconds = null,
    bool FullJitter = true)
{
    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), before jitter.</summary>
    public TimeSpan DelayBefore(int retry)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, retry - 1);
        return TimeSpan.FromSeconds(MaxDelaySeconds is { } cap ? Math.Min(seconds, cap) : seconds);
    }

    public bool Matches(string error) => Errors.Contains(WorkflowErrors.All, StringComparer.Ordinal) || Errors.Contains(error, StringComparer.Ordinal);
}
