using Remittance.Aws.StepFunctions;
using Remittance.Pipeline.Errors;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Storage;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// Re-drives failed runs and reconciles stuck ones. For each eligible item: read it consistently, ask Step Functions
/// about its current execution, claim it with one versioned write that also fixes the attempt and execution name,
/// then redrive the failed execution (it resumes at the failed state and does not re-publish) or start a new one
/// under the name written in the claim. A claim lost to another sweeper (or any writer) means the item is skipped,
/// so two sweepers never start two runs. What to do is <see cref="ReDrivePolicy"/>'s decision; the items come from
/// an <see cref="IndexScanner"/>; Step Functions is called through <see cref="ThrottledStepFunctions"/>.
/// </summary>
public sealed class Sweeper(
    TrackingTable table,
    FailureRecorder recorder,
    IAmazonStepFunctions stepFunctions,
    string stateMachineArn,
    SweeperSettings settings,
    JsonLog log)
{
    private readonly ReDrivePolicy _policy = new(settings.NewExecutionErrors);
    private readonly IndexScanner _scanner = new(table, settings);
    private readonly ClaimedRuns _claimed = new(table, recorder);

    public async Task<SweepSummary> SweepAsync(SweepRequest request, CancellationToken cancellationToken)
    {
        var problems = request.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        var run = new SweepRun(request, new ThrottledStepFunctions(stepFunctions, stateMachineArn, settings, table.Time, log), log);
        Task Examine(string requestId, CancellationToken token) => ExamineAsync(requestId, run, token);
        try
        {
            if (request.RequestIds is { Count: > 0 } requestIds)
            {
                await _scanner.ExamineAsync(requestIds, run, Examine, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _scanner.ExamineIndexAsync(RemittanceTableSchema.RetryIndex, run, Examine, cancellationToken).ConfigureAwait(false);
                if (request.IncludeFailed)
                {
                    await _scanner.ExamineIndexAsync(RemittanceTableSchema.FailedIndex, run, Examine, cancellationToken).ConfigureAwait(false);
                }

                if (request.StuckAfterMinutes is not null)
                {
                    await _scanner.ExamineIndexAsync(RemittanceTableSchema.RunningIndex, run, Examine, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Stop("stopped at the invocation's deadline (an item being re-driven at that moment may stay claimed; " +
                     "a sweep with stuckAfterMinutes completes it); the next sweep continues");
        }

        var summary = run.ToSummary();
        log.Info("sweep.done", ("dryRun", summary.DryRun), ("examined", summary.Examined), ("redriven", summary.ReDriven.Redriven),
            ("started", summary.ReDriven.Started), ("skipped", summary.Skipped.Count), ("errors", summary.Errors.Count),
            ("truncated", summary.Truncated));
        return summary;
    }

    private async Task ExamineAsync(string requestId, SweepRun run, CancellationToken cancellationToken)
    {
        try
        {
            var item = await table.GetAsync(requestId, cancellationToken).ConfigureAwait(false);
            if (item is null)
            {
                run.Skip(requestId, "no remittance item has this request ID");
            }
            else if (item.OnRetryIndex || (item.OnFailedIndex && run.Request.IncludeFailed))
            {
                await ReDriveAsync(item, run, cancellationToken).ConfigureAwait(false);
            }
            else if (item.OnFailedIndex)
            {
                run.Skip(requestId, $"past the retry threshold (attempt {item.Attempt}); includeFailed re-drives it");
            }
            else if (item.OnRunningIndex && run.Request.StuckAfterMinutes is { } minutes)
            {
                await ReconcileAsync(item, TimeSpan.FromMinutes(minutes), run, cancellationToken).ConfigureAwait(false);
            }
            else if (item.OnRunningIndex)
            {
                run.Skip(requestId, "a re-driven run is in progress; stuckAfterMinutes reconciles it if it is stuck");
            }
            else
            {
                run.Skip(requestId, $"needs no re-drive (status {item.Status})");
            }
        }
        catch (Exception failure) when (failure is not OutOfMemoryException && !cancellationToken.IsCancellationRequested)
        {
            run.Fail(requestId, FailureText.Describe(failure));
        }
    }

    /// <summary>An item on the retry (or, on request, failed) index: redrive its execution or start the next one.</summary>
    private async Task ReDriveAsync(TrackedItem item, SweepRun run, CancellationToken cancellationToken)
    {
        var execution = await run.StepFunctions.DescribeAsync(item.ExecutionName, cancellationToken).ConfigureAwait(false);
        var decision = _policy.ForWaiting(item, execution);
        if (SettledWithoutCall(item, decision, run))
        {
            return;
        }

        var redriven = decision.Choice == SweepChoice.Redrive ? ReDrivePolicy.FailureOf(item, execution!) : null;
        var claimed = await table.ClaimAsync(item, decision.Attempt, decision.ExecutionName, redriven, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            run.Skip(item.RequestId, "claimed by another sweeper, or changed since it was read");
            return;
        }

        await _claimed.CarryOutAsync(claimed, decision.Choice, null, run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An item on the running index whose item has not changed for a while: find out what happened to its run.</summary>
    private async Task ReconcileAsync(TrackedItem item, TimeSpan stuckAfter, SweepRun run, CancellationToken cancellationToken)
    {
        var age = table.Time.GetUtcNow() - (item.UpdatedAt ?? DateTimeOffset.MinValue);
        if (age < stuckAfter)
        {
            run.Skip(item.RequestId, $"re-driven {age.TotalMinutes:F0} minute(s) ago; not stuck yet");
            return;
        }

        var execution = await run.StepFunctions.DescribeAsync(item.ExecutionName, cancellationToken).ConfigureAwait(false);
        var decision = ReDrivePolicy.ForStuck(item, execution);
        if (decision.Choice != SweepChoice.RecordFailure)
        {
            // A start here is a claim whose start never reached Step Functions (throttled out, or the sweeper stopped).
            if (!SettledWithoutCall(item, decision, run))
            {
                await _claimed.CarryOutAsync(item, decision.Choice, decision.Reason, run, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var failure = ReDrivePolicy.FailureOf(item, execution!);
        var outcome = run.Request.DryRun
            ? FailureDecision.Decide(item, failure, recorder.RetryThreshold)
            : await recorder.RecordFailureAsync(failure, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case FailureOutcome.RecordedForRetry or FailureOutcome.RecordedAsFailed:
                run.Act(new SweepAction(item.RequestId, SweepActionKind.RecordFailure, item.ExecutionName, item.Attempt,
                    $"{execution!.Status} ({failure.Error}) was not recorded; now on the " +
                    (outcome == FailureOutcome.RecordedForRetry ? "retry index, re-driven by the next sweep" : "failed index (retry threshold reached)")));
                break;
            case FailureOutcome.AlreadyRecorded:
                await ResumeClaimAsync(item, execution!, run, cancellationToken).ConfigureAwait(false);
                break;
            default:
                run.Skip(item.RequestId, "changed while it was being reconciled");
                break;
        }
    }

    // The claimed redrive never reached Step Functions: resume it, or start a new execution if it no longer can be.
    private async Task ResumeClaimAsync(TrackedItem item, DescribeExecutionResponse execution, SweepRun run, CancellationToken cancellationToken)
    {
        var decision = _policy.ForResumedClaim(item, execution);
        if (SettledWithoutCall(item, decision, run))
        {
            return;
        }

        if (decision.Choice == SweepChoice.Redrive)
        {
            await _claimed.CarryOutAsync(item, SweepChoice.Redrive, decision.Reason, run, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _claimed.ClaimNewExecutionAndStartAsync(item, decision.Attempt, decision.ExecutionName, run,
            "the claimed redrive is no longer possible; started a new execution", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reports a decision that needs no Step Functions call (a skip, a refusal, anything in a dry run) and returns true;
    /// false when a redrive or a start is still to be made.
    /// </summary>
    private static bool SettledWithoutCall(TrackedItem item, SweepDecision decision, SweepRun run)
    {
        switch (decision.Choice)
        {
            case SweepChoice.Skip:
                run.Skip(item.RequestId, decision.Reason!);
                return true;
            case SweepChoice.Refuse:
                run.Fail(item.RequestId, decision.Reason!);
                return true;
            case SweepChoice.Redrive or SweepChoice.Start when run.Request.DryRun:
                run.Act(new SweepAction(item.RequestId, decision.Choice == SweepChoice.Redrive ? SweepActionKind.Redrive : SweepActionKind.Start,
                    decision.ExecutionName, decision.Attempt, decision.Reason));
                return true;
            default:
                return false;
        }
    }
}
