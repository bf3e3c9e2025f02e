namespace Remittance.Pipeline.Tracking;

/// <summary>The failure recorded on an item. <see cref="ExecutionName"/> is null when no execution was involved (a failed start).</summary>
public sealed record LastFailure(string Error, string? ExecutionName, int RedriveCount)
{
    /// <summary>True when <paramref name="failure"/> is this failure or an earlier one of the same execution.</summary>
    public bool Covers(ExecutionFailure failure) =>
        ExecutionName == failure.ExecutionName && RedriveCount >= failure.RedriveCount;
}
