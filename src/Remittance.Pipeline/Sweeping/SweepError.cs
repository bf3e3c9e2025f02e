namespace Remittance.Pipeline.Sweeping;

/// <param name="RequestId">The remittance, or the index whose scan failed, in parentheses.</param>
/// <param name="Error">What failed.</param>
/// <param name="LeftClaimed">
/// The item stays claimed (on the running index, status RUNNING): a sweep with stuckAfterMinutes finds it and starts
/// or redrives it under the recorded name, so nothing is lost and nothing runs twice.
/// </param>
public sealed record SweepError(string RequestId, string Error, bool LeftClaimed = false);
