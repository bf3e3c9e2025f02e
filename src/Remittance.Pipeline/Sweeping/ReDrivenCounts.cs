namespace Remittance.Pipeline.Sweeping;

/// <param name="Redriven">RedriveExecution calls that resumed a failed execution.</param>
/// <param name="Started">New executions started.</param>
public sealed record ReDrivenCounts(int Redriven, int Started)
{
    public int Total => Redriven + Started;
}
