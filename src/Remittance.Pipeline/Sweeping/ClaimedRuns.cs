using Remittance.Aws.StepFunctions;
using Remittance.Pipeline.Errors;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Storage;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// Starts or redrives the run an item was claimed for, and reports what came of it: done, started elsewhere already,
/// left claimed after a transient failure (a later stuck pass completes it), or refused by Step Functions for a
/// lasting reason (recorded on the item as a failure of the run, so it counts as an attempt).
/// </summary>
internal sealed class ClaimedRuns(TrackingTable table, FailureRecorder recorder)
{
    public Task CarryOutAsync(TrackedItem claimed, SweepChoice choice, string? detail, SweepRun run, CancellationToken cancellationToken) =>
        choice == SweepChoice.Redrive
            ? RedriveClaimedAsync(claimed, run, detail, cancellationToken)
            : StartClaimedAsync(claimed, run, detail, cancellationToken);

    public async Task ClaimNewExecutionAndStartAsync(TrackedItem item, int attempt, string name, SweepRun run, string detail, CancellationToken cancellationToken)
    {
        var claimed = await table.ClaimAsync(item, attempt, name, null, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            run.Skip(item.RequestId, "changed while it was being re-driven");
            return;
        }

        await StartClaimedAsync(claimed, run, detail, cancellationToken).ConfigureAwait(false);
    }

    private async Task RedriveClaimedAsync(TrackedItem claimed, SweepRun run, string? detail, CancellationToken cancellationToken)
    {
        try
        {
            await run.StepFunctions.RedriveAsync(claimed.ExecutionName, RedriveToken.For(claimed.RequestId, claimed.Attempt), cancellationToken)
                .ConfigureAwait(false);
            run.Act(new SweepAction(claimed.RequestId, SweepActionKind.Redrive, claimed.ExecutionName, claimed.Attempt, detail));
        }
        catch (ExecutionNotRedrivableException)
        {
            // It stopped being redrivable since it was described: the redrive window closed, or someone else resumed it.
            // A new execution is right only in the first case.
            var execution = await run.StepFunctions.DescribeAsync(claimed.ExecutionName, cancellationToken).ConfigureAwait(false);
            if (execution is not null && !ExecutionStatuses.IsFailure(execution.Status))
            {
                run.Skip(claimed.RequestId, $"its execution {claimed.ExecutionName} was resumed elsewhere ({execution.Status})");
                return;
            }

            var (attempt, name) = ReDrivePolicy.NewExecutionFor(claimed);
            await ClaimNewExecutionAndStartAsync(claimed, attempt, name, run, "the execution stopped being redrivable; started a new one",
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (IsTransient(failure))
        {
            run.Fail(claimed.RequestId, $"RedriveExecution failed: {run.StepFunctions.DescribeTransient(failure)}", leftClaimed: true);
        }
        catch (AmazonStepFunctionsException failure)
        {
            // A refusal retrying cannot fix: record it as the next failure of this execution, so it counts as an attempt.
            var redriveCount = (claimed.LastFailure?.ExecutionName == claimed.ExecutionName ? claimed.LastFailure.RedriveCount : 0) + 1;
            await RecordRefusalAsync(claimed, "RedriveExecution", failure, redriveCount, run, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task StartClaimedAsync(TrackedItem claimed, SweepRun run, string? detail, CancellationToken cancellationToken)
    {
        try
        {
            await run.StepFunctions.StartAsync(claimed.ExecutionName, WorkflowInput.For(AttributeValueJson.ToJsonObject(claimed.Attributes)), cancellationToken)
                .ConfigureAwait(false);
            run.Act(new SweepAction(claimed.RequestId, SweepActionKind.Start, claimed.ExecutionName, claimed.Attempt, detail));
        }
        catch (ExecutionAlreadyExistsException)
        {
            run.Act(new SweepAction(claimed.RequestId, SweepActionKind.AlreadyStarted, claimed.ExecutionName, claimed.Attempt,
                "an execution with this name exists already: it was started elsewhere"));
        }
        catch (Exception failure) when (IsTransient(failure))
        {
            run.Fail(claimed.RequestId, $"StartExecution failed: {run.StepFunctions.DescribeTransient(failure)}", leftClaimed: true);
        }
        catch (AmazonStepFunctionsException failure)
        {
            await RecordRefusalAsync(claimed, "StartExecution", failure, 0, run, cancellationToken).ConfigureAwait(false);
        }
    }

    // Step Functions refused for a lasting reason (missing state machine, invalid input…): record it on the item like
    // a failed run, so the item returns to the retry index and, if it keeps failing, reaches the failed index.
    private async Task RecordRefusalAsync(
        TrackedItem claimed, string operation, AmazonStepFunctionsException failure, int redriveCount, SweepRun run, CancellationToken cancellationToken)
    {
        var outcome = await recorder.RecordFailureAsync(
            new ExecutionFailure(claimed.RequestId, claimed.ExecutionName, failure.ErrorCode ?? failure.GetType().Name, failure.Message, redriveCount),
            cancellationToken).ConfigureAwait(false);
        run.Fail(claimed.RequestId, $"{operation} refused ({FailureText.Describe(failure)}); recorded on the item: {outcome}");
    }

    private static bool IsTransient(Exception failure) => failure is not OperationCanceledException && TransientErrors.IsTransient(failure);
}
