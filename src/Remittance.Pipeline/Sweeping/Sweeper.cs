using System.Threading.Channels;
using Remittance.Aws.Runtime;
using Remittance.Aws.StepFunctions;
using Remittance.Pipeline.Storage;
using Remittance.Pipeline.Errors;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Tracking;
using DomainExecutionName = Remittance.Domain.ExecutionName;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// Re-drives failed runs and reconciles stuck ones. For each eligible item: read it consistently, ask Step Functions
/// about its current execution, claim it with one versioned write that also fixes the attempt and execution name,
/// then redrive the failed execution (it resumes at the failed state and does not re-publish) or start a new one
/// under the name written in the claim. A claim lost to another sweeper (or any writer) means the item is skipped,
/// so two sweepers never start two runs. Start and redrive calls share a token bucket and back off when throttled.
/// </summary>
public sealed class Sweeper(
    TrackingTable table,
    FailureRecorder recorder,
    IAmazonStepFunctions stepFunctions,
    string stateMachineArn,
    SweeperSettings settings,
    JsonLog log)
{
    public async Task<SweepSummary> SweepAsync(SweepRequest request, CancellationToken cancellationToken)
    {
        var problems = request.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(request));
        }

        var run = new SweepRun(request, new TokenBucket(settings.StartBurst, settings.StartRatePerSecond, table.Time), log);
        try
        {
            if (request.RequestIds is { Count: > 0 } requestIds)
            {
                await Parallel.ForEachAsync(requestIds.Distinct(StringComparer.Ordinal), Options(cancellationToken),
                    async (requestId, token) =>
                    {
                        if (run.TryBegin(requestId))
                        {
                            await ExamineAsync(requestId, run, token).ConfigureAwait(false);
                        }
                    }).ConfigureAwait(false);
            }
            else
            {
                await SweepIndexAsync(RemittanceTableSchema.RetryIndex, run, cancellationToken).ConfigureAwait(false);
                if (request.IncludeFailed)
                {
                    await SweepIndexAsync(RemittanceTableSchema.FailedIndex, run, cancellationToken).ConfigureAwait(false);
                }

                if (request.StuckAfterMinutes is not null)
                {
                    await SweepIndexAsync(RemittanceTableSchema.RunningIndex, run, cancellationToken).ConfigureAwait(false);
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

    // Scans all segments of the index in parallel into a bounded channel; items are examined as they are found.
    private async Task SweepIndexAsync(SparseIndex index, SweepRun run, CancellationToken cancellationToken)
    {
        if (run.IsFull)
        {
            return;
        }

        using var stopScanning = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var found = Channel.CreateBounded<string>(settings.Concurrency * 2);
        var scan = ScanAsync(index, found.Writer, run, stopScanning.Token);
        try
        {
            await Parallel.ForEachAsync(found.Reader.ReadAllAsync(cancellationToken), Options(cancellationToken), async (requestId, token) =>
            {
                if (run.TryBegin(requestId))
                {
                    await ExamineAsync(requestId, run, token).ConfigureAwait(false);
                }
                else if (run.IsFull)
                {
                    await stopScanning.CancelAsync().ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            await stopScanning.CancelAsync().ConfigureAwait(false);
            await scan.ConfigureAwait(false);
        }
    }

    private async Task ScanAsync(SparseIndex index, ChannelWriter<string> found, SweepRun run, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(Enumerable.Range(0, settings.Segments).Select(async segment =>
            {
                await foreach (var requestId in table.ScanIndexAsync(index, segment, settings.Segments, cancellationToken).ConfigureAwait(false))
                {
                    await found.WriteAsync(requestId, cancellationToken).ConfigureAwait(false);
                }
            })).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // maxItems reached, or the deadline: the examining side reports why.
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            run.Fail($"({index.IndexName})", $"scanning the index failed: {Describe(failure)}");
        }
        finally
        {
            found.TryComplete();
        }
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
            run.Fail(requestId, Describe(failure));
        }
    }

    /// <summary>An item on the retry (or, on request, failed) index: redrive its execution or start the next one.</summary>
    private async Task ReDriveAsync(TrackedItem item, SweepRun run, CancellationToken cancellationToken)
    {
        var execution = await DescribeAsync(item.ExecutionName, cancellationToken).ConfigureAwait(false);
        var status = execution?.Status;
        if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.PENDING_REDRIVE)
        {
            run.Skip(item.RequestId, $"its execution {item.ExecutionName} is {status}");
            return;
        }

        if (status == ExecutionStatus.SUCCEEDED)
        {
            // Starting another run could publish twice; the workflow's success record is what needs looking at.
            run.Fail(item.RequestId, $"execution {item.ExecutionName} SUCCEEDED but the item still waits for a re-drive; no new run started");
            return;
        }

        if (execution is not null && !IsFailure(execution.Status))
        {
            run.Skip(item.RequestId, $"its execution {item.ExecutionName} is in a status the sweeper does not know ({status})");
            return;
        }

        if (item.Attempt == int.MaxValue)
        {
            run.Fail(item.RequestId, "the attempt counter is exhausted");
            return;
        }

        // Every re-drive is an attempt; only a new execution gets a new name (a redrive keeps the failed one's).
        var redrive = execution is not null && CanRedrive(execution);
        var attempt = item.Attempt + 1;
        var name = redrive ? item.ExecutionName : DomainExecutionName.For(item.RequestId, attempt);
        if (run.Request.DryRun)
        {
            run.Act(new SweepAction(item.RequestId, redrive ? SweepActionKind.Redrive : SweepActionKind.Start, name, attempt,
                execution is null ? "no execution exists under the recorded name" : null));
            return;
        }

        var claimed = await table.ClaimAsync(item, attempt, name, redrive ? FailureOf(item, execution!) : null, cancellationToken)
            .ConfigureAwait(false);
        if (claimed is null)
        {
            run.Skip(item.RequestId, "claimed by another sweeper, or changed since it was read");
            return;
        }

        if (redrive)
        {
            await RedriveClaimedAsync(claimed, run, null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await StartClaimedAsync(claimed, run, null, cancellationToken).ConfigureAwait(false);
        }
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

        var execution = await DescribeAsync(item.ExecutionName, cancellationToken).ConfigureAwait(false);
        if (execution is null)
        {
            // Claimed, but the start never reached Step Functions (throttled out, or the sweeper stopped): start it
            // now under the name the claim recorded. Concurrent sweepers send the same name and input, so one run.
            const string NeverStarted = "the claimed execution had never started";
            if (run.Request.DryRun)
            {
                run.Act(new SweepAction(item.RequestId, SweepActionKind.Start, item.ExecutionName, item.Attempt, NeverStarted));
                return;
            }

            await StartClaimedAsync(item, run, NeverStarted, cancellationToken).ConfigureAwait(false);
            return;
        }

        var status = execution.Status;
        if (status == ExecutionStatus.RUNNING || status == ExecutionStatus.PENDING_REDRIVE)
        {
            run.Skip(item.RequestId, $"its execution {item.ExecutionName} is still {status}");
            return;
        }

        if (status == ExecutionStatus.SUCCEEDED)
        {
            run.Fail(item.RequestId, $"execution {item.ExecutionName} SUCCEEDED but its success is not recorded on the item");
            return;
        }

        if (!IsFailure(status))
        {
            run.Skip(item.RequestId, $"its execution {item.ExecutionName} is in a status the sweeper does not know ({status})");
            return;
        }

        var failure = FailureOf(item, execution);
        var decision = run.Request.DryRun
            ? FailureDecision.Decide(item, failure, recorder.RetryThreshold)
            : await recorder.RecordFailureAsync(failure, cancellationToken).ConfigureAwait(false);
        switch (decision)
        {
            case FailureOutcome.RecordedForRetry or FailureOutcome.RecordedAsFailed:
                run.Act(new SweepAction(item.RequestId, SweepActionKind.RecordFailure, item.ExecutionName, item.Attempt,
                    $"{status} ({failure.Error}) was not recorded; now on the " +
                    (decision == FailureOutcome.RecordedForRetry ? "retry index, re-driven by the next sweep" : "failed index (retry threshold reached)")));
                break;
            case FailureOutcome.AlreadyRecorded:
                await ResumeClaimAsync(item, execution, run, cancellationToken).ConfigureAwait(false);
                break;
            default:
                run.Skip(item.RequestId, "changed while it was being reconciled");
                break;
        }
    }

    // The execution failed with exactly the failure the claim was made for: the claimed redrive never reached Step
    // Functions. Resume it (same client token, so it cannot happen twice), or start a new execution if it no longer can be.
    private async Task ResumeClaimAsync(TrackedItem item, DescribeExecutionResponse execution, SweepRun run, CancellationToken cancellationToken)
    {
        const string Resumed = "resumed a claimed redrive that had never reached Step Functions";
        var (attempt, name) = NewExecutionFor(item);
        if (run.Request.DryRun)
        {
            run.Act(CanRedrive(execution)
                ? new SweepAction(item.RequestId, SweepActionKind.Redrive, item.ExecutionName, item.Attempt, Resumed)
                : new SweepAction(item.RequestId, SweepActionKind.Start, name, attempt, Resumed));
            return;
        }

        if (CanRedrive(execution))
        {
            await RedriveClaimedAsync(item, run, Resumed, cancellationToken).ConfigureAwait(false);
            return;
        }

        await ClaimNewExecutionAndStartAsync(item, attempt, name, run, "the claimed redrive is no longer possible; started a new execution",
            cancellationToken).ConfigureAwait(false);
    }

    private async Task RedriveClaimedAsync(TrackedItem claimed, SweepRun run, string? detail, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(() => stepFunctions.RedriveExecutionAsync(new RedriveExecutionRequest
            {
                ExecutionArn = ExecutionArns.For(stateMachineArn, claimed.ExecutionName),
                ClientToken = RedriveToken.For(claimed.RequestId, claimed.Attempt),
            }, cancellationToken), run.StartBucket, cancellationToken).ConfigureAwait(false);
            run.Act(new SweepAction(claimed.RequestId, SweepActionKind.Redrive, claimed.ExecutionName, claimed.Attempt, detail));
        }
        catch (ExecutionNotRedrivableException)
        {
            // It stopped being redrivable since it was described: the redrive window closed, or someone else resumed it.
            // A new execution is right only in the first case.
            var execution = await DescribeAsync(claimed.ExecutionName, cancellationToken).ConfigureAwait(false);
            if (execution is not null && !IsFailure(execution.Status))
            {
                run.Skip(claimed.RequestId, $"its execution {claimed.ExecutionName} was resumed elsewhere ({execution.Status})");
                return;
            }

            var (attempt, name) = NewExecutionFor(claimed);
            await ClaimNewExecutionAndStartAsync(claimed, attempt, name, run, "the execution stopped being redrivable; started a new one",
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (IsTransient(failure))
        {
            run.Fail(claimed.RequestId, $"RedriveExecution failed: {Transient(failure)}", leftClaimed: true);
        }
        catch (AmazonStepFunctionsException failure)
        {
            // A refusal retrying cannot fix: record it as the next failure of this execution, so it counts as an attempt.
            var redriveCount = (claimed.LastFailure?.ExecutionName == claimed.ExecutionName ? claimed.LastFailure.RedriveCount : 0) + 1;
            await RecordRefusalAsync(claimed, "RedriveExecution", failure, redriveCount, run, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ClaimNewExecutionAndStartAsync(
        TrackedItem item,
        int attempt,
        string name,
        SweepRun run,
        string detail,
        CancellationToken cancellationToken)
    {
        var claimed = await table.ClaimAsync(item, attempt, name, null, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            run.Skip(item.RequestId, "changed while it was being re-driven");
            return;
        }

        await StartClaimedAsync(claimed, run, detail, cancellationToken).ConfigureAwait(false);
    }

    private async Task StartClaimedAsync(TrackedItem claimed, SweepRun run, string? detail, CancellationToken cancellationToken)
    {
        var input = WorkflowInput.For(AttributeValueJson.ToJsonObject(claimed.Attributes));
        try
        {
            await CallAsync(() => stepFunctions.StartExecutionAsync(new StartExecutionRequest
            {
                StateMachineArn = stateMachineArn,
                Name = claimed.ExecutionName,
                Input = input,
            }, cancellationToken), run.StartBucket, cancellationToken).ConfigureAwait(false);
            run.Act(new SweepAction(claimed.RequestId, SweepActionKind.Start, claimed.ExecutionName, claimed.Attempt, detail));
        }
        catch (ExecutionAlreadyExistsException)
        {
            run.Act(new SweepAction(claimed.RequestId, SweepActionKind.AlreadyStarted, claimed.ExecutionName, claimed.Attempt,
                "an execution with this name exists already: it was started elsewhere"));
        }
        catch (Exception failure) when (IsTransient(failure))
        {
            run.Fail(claimed.RequestId, $"StartExecution failed: {Transient(failure)}", leftClaimed: true);
        }
        catch (AmazonStepFunctionsException failure)
        {
            await RecordRefusalAsync(claimed, "StartExecution", failure, 0, run, cancellationToken).ConfigureAwait(false);
        }
    }

    // Step Functions refused for a lasting reason (missing state machine, invalid input…): record it on the item like
    // a failed run, so the item returns to the retry index and, if it keeps failing, reaches the failed index.
    private async Task RecordRefusalAsync(
        TrackedItem claimed,
        string operation,
        AmazonStepFunctionsException failure,
        int redriveCount,
        SweepRun run,
        CancellationToken cancellationToken)
    {
        var outcome = await recorder.RecordFailureAsync(
            new ExecutionFailure(claimed.RequestId, claimed.ExecutionName, failure.ErrorCode ?? failure.GetType().Name, failure.Message, redriveCount),
            cancellationToken).ConfigureAwait(false);
        run.Fail(claimed.RequestId, $"{operation} refused ({Describe(failure)}); recorded on the item: {outcome}");
    }

    private async Task<DescribeExecutionResponse?> DescribeAsync(string executionName, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(() => stepFunctions.DescribeExecutionAsync(
                new DescribeExecutionRequest { ExecutionArn = ExecutionArns.For(stateMachineArn, executionName) }, cancellationToken),
                null, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionDoesNotExistException)
        {
            return null;
        }
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call, TokenBucket? bucket, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            if (bucket is not null)
            {
                await bucket.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AwsServiceException failure) when (IsThrottled(failure) && retry < settings.MaxThrottleRetries)
            {
                var delay = Backoff(retry);
                log.Debug("sweep.throttled", ("error", failure.ErrorCode), ("retry", retry + 1), ("delayMs", (long)delay.TotalMilliseconds));
                await Task.Delay(delay, table.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Exponential with jitter: half the step is fixed (so a retry always waits), the other half random.
    private TimeSpan Backoff(int retry)
    {
        var step = Math.Min(settings.BackoffMax.Ticks, settings.BackoffBase.Ticks * (1L << Math.Min(retry, 30)));
        return TimeSpan.FromTicks(step / 2 + Random.Shared.NextInt64(step / 2 + 1));
    }

    private bool CanRedrive(DescribeExecutionResponse execution) =>
        IsFailure(execution.Status)
        && execution.RedriveStatus == ExecutionRedriveStatus.REDRIVABLE
        && !settings.NewExecutionErrors.Contains(execution.Error ?? string.Empty);

    // The name for a new execution: this attempt's own name, unless the current execution already has it.
    private static (int Attempt, string Name) NewExecutionFor(TrackedItem item)
    {
        var own = DomainExecutionName.For(item.RequestId, item.Attempt);
        return own != item.ExecutionName ? (item.Attempt, own) : (item.Attempt + 1, DomainExecutionName.For(item.RequestId, item.Attempt + 1));
    }

    private static ExecutionFailure FailureOf(TrackedItem item, DescribeExecutionResponse execution) =>
        new(item.RequestId, item.ExecutionName, execution.Error ?? execution.Status?.Value ?? "FAILED",
            execution.Cause ?? $"execution {execution.Status}", execution.RedriveCount ?? 0);

    private static bool IsFailure(ExecutionStatus? status) =>
        status == ExecutionStatus.FAILED || status == ExecutionStatus.TIMED_OUT || status == ExecutionStatus.ABORTED;

    private static bool IsThrottled(AwsServiceException failure) => failure.IsThrottling || failure is ExecutionLimitExceededException;

    private static bool IsTransient(Exception failure) => failure is not OperationCanceledException && TransientErrors.IsTransient(failure);

    private ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };

    private string Transient(Exception failure) => failure is AwsServiceException service && IsThrottled(service)
        ? $"still throttled after {settings.MaxThrottleRetries} retries with backoff ({Describe(failure)})"
        : Describe(failure);

    private static string Describe(Exception failure) => failure switch
    {
        AwsServiceException { ErrorCode: { } code } => $"{code}: {failure.Message}",
        Amazon.Runtime.AmazonServiceException { ErrorCode: { } code } => $"{code}: {failure.Message}",
        _ => $"{failure.GetType().Name}: {failure.Message}",
    };
}
