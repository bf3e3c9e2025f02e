using Remittance.Aws.StepFunctions;

namespace Remittance.Pipeline.Tracking;

/// <summary>
/// The Step Functions execution statuses as failure tracking groups them, stated once: the status function, the
/// sweeper, the CDK app's status rule and the local host all read them from here.
/// </summary>
public static class ExecutionStatuses
{
    /// <summary>A run that ended without success: each is recorded on its item (success is recorded by the workflow).</summary>
    public static IReadOnlyList<ExecutionStatus> Failures { get; } = [ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT, ExecutionStatus.ABORTED];

    /// <summary>A run still going (or about to resume after a redrive): there is nothing to re-drive yet.</summary>
    public static IReadOnlyList<ExecutionStatus> InProgress { get; } = [ExecutionStatus.RUNNING, ExecutionStatus.PENDING_REDRIVE];

    public static bool IsFailure(ExecutionStatus? status) => status is not null && Failures.Contains(status);

    public static bool IsFailure(string? status) => Failures.Any(failure => failure.Value == status);

    public static bool IsInProgress(ExecutionStatus? status) => status is not null && InProgress.Contains(status);
}
