namespace Remittance.Pipeline.Tracking;

/// <summary>
/// The item changed under every attempt to write it. Retrying later is the answer (the status function throws it so
/// EventBridge redelivers the event); it never means data was overwritten.
/// </summary>
public sealed class VersionRaceException(string requestId, int races)
    : Exception($"Item {requestId} changed between read and write {races} times in a row; try again later.")
{
    public string RequestId { get; } = requestId;
}
