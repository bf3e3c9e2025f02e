namespace Remittance.Pipeline.Tracking;

/// <summary>
/// One failure of one execution. A redriven execution keeps its name, so <see cref="RedriveCount"/> (0 for the first
/// run, then 1, 2… as Step Functions counts redrives) tells a new failure from the same one delivered again.
/// </summary>
public sealed record ExecutionFailure(string RequestId, string ExecutionName, string Error, string Cause, int RedriveCount = 0);
