using Remittance.Aws.StepFunctions;
using Remittance.Pipeline.Tracking;
using DomainExecutionName = Remittance.Domain.ExecutionName;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// The sweeper's decisions, pure: from one consistent read of an item and the description of its execution (null
/// when none exists under the recorded name), whether to redrive that execution, start a new one, or refuse. Which
/// errors a redrive cannot fix is the service's fact (<see cref="Composition.ServiceProfile.NewExecutionErrors"/>).
/// </summary>
public sealed class ReDrivePolicy(IReadOnlySet<string> newExecutionErrors)
{
    public const string NoExecution = "no execution exists under the recorded name";

    public const string NeverStarted = "the claimed execution had never started";

    public const string ResumedClaim = "resumed a claimed redrive that had never reached Step Functions";

    /// <summary>An item on the retry index (or, on request, the failed index): redrive its execution or start the next one.</summary>
    public SweepDecision ForWaiting(TrackedItem item, DescribeExecutionResponse? execution)
    {
        var status = execution?.Status;
        if (ExecutionStatuses.IsInProgress(status))
        {
            return Skip(item, $"its execution {item.ExecutionName} is {status}");
        }

        if (status == ExecutionStatus.SUCCEEDED)
        {
            // Starting another run could publish twice; the workflow's success record is what needs looking at.
            return Refuse(item, $"execution {item.ExecutionName} SUCCEEDED but the item still waits for a re-drive; no new run started");
        }

        if (execution is not null && !ExecutionStatuses.IsFailure(status))
        {
            return Skip(item, $"its execution {item.ExecutionName} is in a status the sweeper does not know ({status})");
        }

        if (item.Attempt == int.MaxValue)
        {
            return Refuse(item, "the attempt counter is exhausted");
        }

        // Every re-drive is an attempt; only a new execution gets a new name (a redrive keeps the failed one's).
        var attempt = item.Attempt + 1;
        return execution is not null && CanRedrive(execution)
            ? new SweepDecision(SweepChoice.Redrive, attempt, item.ExecutionName)
            : new SweepDecision(SweepChoice.Start, attempt, DomainExecutionName.For(item.RequestId, attempt), execution is null ? NoExecution : null);
    }

    /// <summary>
    /// An item claimed (on the running index) and quiet for longer than a run may take: find out what happened to its
    /// run. A claim whose start never reached Step Functions is started now, under the name the claim recorded.
    /// </summary>
    public static SweepDecision ForStuck(TrackedItem item, DescribeExecutionResponse? execution)
    {
        if (execution is null)
        {
            // Concurrent sweepers send the same name and input, so this makes one run.
            return new SweepDecision(SweepChoice.Start, item.Attempt, item.ExecutionName, NeverStarted);
        }

        var status = execution.Status;
        if (ExecutionStatuses.IsInProgress(status))
        {
            return Skip(item, $"its execution {item.ExecutionName} is still {status}");
        }

        if (status == ExecutionStatus.SUCCEEDED)
        {
            return Refuse(item, $"execution {item.ExecutionName} SUCCEEDED but its success is not recorded on the item");
        }

        return ExecutionStatuses.IsFailure(status)
            ? new SweepDecision(SweepChoice.RecordFailure, item.Attempt, item.ExecutionName)
            : Skip(item, $"its execution {item.ExecutionName} is in a status the sweeper does not know ({status})");
    }

    /// <summary>
    /// The execution failed with exactly the failure a claim was made for: the claimed redrive never reached Step
    /// Functions. Resume it (the same client token, so it cannot happen twice), or start a new execution if it no longer can be.
    /// </summary>
    public SweepDecision ForResumedClaim(TrackedItem item, DescribeExecutionResponse execution)
    {
        if (CanRedrive(execution))
        {
            return new SweepDecision(SweepChoice.Redrive, item.Attempt, item.ExecutionName, ResumedClaim);
        }

        var (attempt, name) = NewExecutionFor(item);
        return new SweepDecision(SweepChoice.Start, attempt, name, ResumedClaim);
    }

    /// <summary>Redrivable, and not failed with an error the workflow caught into its Fail state (a redrive would fail again there).</summary>
    public bool CanRedrive(DescribeExecutionResponse execution) =>
        ExecutionStatuses.IsFailure(execution.Status)
        && execution.RedriveStatus == ExecutionRedriveStatus.REDRIVABLE
        && !newExecutionErrors.Contains(execution.Error ?? string.Empty);

    /// <summary>The name for a new execution: this attempt's own name, unless the current execution already has it.</summary>
    public static (int Attempt, string Name) NewExecutionFor(TrackedItem item)
    {
        var own = DomainExecutionName.For(item.RequestId, item.Attempt);
        return own != item.ExecutionName ? (item.Attempt, own) : (item.Attempt + 1, DomainExecutionName.For(item.RequestId, item.Attempt + 1));
    }

    /// <summary>The execution's failure, as the status function would have recorded it.</summary>
    public static ExecutionFailure FailureOf(TrackedItem item, DescribeExecutionResponse execution) =>
        new(item.RequestId, item.ExecutionName, execution.Error ?? execution.Status?.Value ?? ExecutionStatus.FAILED.Value,
            execution.Cause ?? $"execution {execution.Status}", execution.RedriveCount ?? 0);

    private static SweepDecision Skip(TrackedItem item, string reason) => new(SweepChoice.Skip, item.Attempt, item.ExecutionName, reason);

    private static SweepDecision Refuse(TrackedItem item, string error) => new(SweepChoice.Refuse, item.Attempt, item.ExecutionName, error);
}
