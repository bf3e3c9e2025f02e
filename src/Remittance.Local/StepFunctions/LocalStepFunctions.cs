using System.Collections.Concurrent;
using Remittance.Aws.StepFunctions;

namespace Remittance.Local.StepFunctions;

/// <summary>
/// The local stand-in for Step Functions' execution API, honouring its naming rules: a name is 1–80 characters
/// without whitespace, brackets, wildcards or control characters; starting a name that is still running with the
/// same input returns that execution, and any other reuse of a name raises ExecutionAlreadyExists.
/// With an <see cref="ILocalExecutionRunner"/> it runs each execution's workflow in the background and supports
/// DescribeExecution and RedriveExecution as AWS does; without one it only records starts.
/// </summary>
public sealed class LocalStepFunctions(
    TimeProvider time,
    string region = "us-east-1",
    string account = "000000000000",
    ILocalExecutionRunner? runner = null) : IAmazonStepFunctions
{
    public const string RunnerDescription =
        "recorded start: StartExecution is recorded under Step Functions' naming rules; workflow steps are not executed";

    private readonly ConcurrentDictionary<string, LocalExecution> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LocalRunOutcome> _outcomes = new(StringComparer.Ordinal);
    private int _startCalls;

    public IReadOnlyCollection<LocalExecution> Executions => [.. _executions.Values];

    /// <summary>Runs each execution's workflow; settable because the runner's functions may need this stand-in first.</summary>
    public ILocalExecutionRunner? Runner { get; set; } = runner;

    /// <summary>How many StartExecution calls were made (including ones that found the name taken).</summary>
    public int StartCalls => Volatile.Read(ref _startCalls);

    public string Region => region;

    public string Account => account;

    /// <summary>Called when an execution ends, with its final state: the local EventBridge status-change rule.</summary>
    public Func<LocalExecution, CancellationToken, Task>? StatusChanged { get; set; }

    /// <summary>Faults to inject into StartExecution (e.g. throttling), for the local run's --faults.</summary>
    public Func<string, Exception?>? StartFault { get; set; }

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _startCalls);
        var name = request.Name ?? Guid.NewGuid().ToString();
        if (!ExecutionNames.IsAcceptedByStepFunctions(name))
        {
            throw new InvalidNameException($"Invalid Name: '{name}'");
        }

        if (!request.StateMachineArn.StartsWith("arn:", StringComparison.Ordinal) || !request.StateMachineArn.Contains(":stateMachine:", StringComparison.Ordinal))
        {
            throw new InvalidArnException($"Invalid Arn: '{request.StateMachineArn}'");
        }

        // Faults are drawn only for a call that would start an execution. A call repeating a started name (a stream
        // batch retried from an earlier record) draws nothing, so how records happened to be batched cannot change which
        // starts fail, and a seeded run repeats.
        var arn = ExecutionArn(request.StateMachineArn, name);
        if (!_executions.ContainsKey(arn) && StartFault?.Invoke(name) is { } fault)
        {
            throw fault;
        }

        var input = request.Input ?? "{}";
        if (System.Text.Encoding.UTF8.GetByteCount(input) > StepFunctionsQuotas.MaxPayloadBytes)
        {
            throw new InvalidExecutionInputException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The execution input is {System.Text.Encoding.UTF8.GetByteCount(input):N0} bytes, over the {StepFunctionsQuotas.MaxPayloadBytes:N0}-byte quota."));
        }

        var candidate = new LocalExecution(arn, request.StateMachineArn, name, input, time.GetUtcNow(), "RUNNING");
        var execution = _executions.GetOrAdd(candidate.ExecutionArn, candidate);
        if (!ReferenceEquals(execution, candidate))
        {
            var current = _executions[candidate.ExecutionArn];
            if (current.Status != "RUNNING" || current.Input != input)
            {
                throw new ExecutionAlreadyExistsException($"Execution Already Exists: '{current.ExecutionArn}'");
            }
        }
        else if (Runner is not null)
        {
            Run(candidate, null, null);
        }

        return Task.FromResult(new StartExecutionResponse { ExecutionArn = execution.ExecutionArn, StartDate = execution.StartDate.UtcDateTime });
    }

    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default)
    {
        if (!_executions.TryGetValue(request.ExecutionArn, out var execution))
        {
            throw new ExecutionDoesNotExistException($"Execution Does Not Exist: '{request.ExecutionArn}'");
        }

        return Task.FromResult(new DescribeExecutionResponse
        {
            ExecutionArn = execution.ExecutionArn,
            StateMachineArn = execution.StateMachineArn,
            Name = execution.Name,
            Status = ExecutionStatus.FindValue(execution.Status),
            StartDate = execution.StartDate.UtcDateTime,
            StopDate = execution.StopDate?.UtcDateTime,
            Input = execution.Input,
            Error = execution.Error,
            Cause = execution.Cause,
            RedriveCount = execution.RedriveCount,
            RedriveStatus = execution.Redrivable ? ExecutionRedriveStatus.REDRIVABLE : ExecutionRedriveStatus.NOT_REDRIVABLE,
            RedriveStatusReason = execution.Redrivable ? null : $"Execution is {execution.Status} and cannot be redriven.",
        });
    }

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default)
    {
        if (!_executions.TryGetValue(request.ExecutionArn, out var execution))
        {
            throw new ExecutionDoesNotExistException($"Execution Does Not Exist: '{request.ExecutionArn}'");
        }

        if (Runner is null || !execution.Redrivable || !_outcomes.TryGetValue(execution.ExecutionArn, out var outcome)
            || !_executions.TryUpdate(execution.ExecutionArn, execution with
            {
                Status = "RUNNING", Error = null, Cause = null, StopDate = null, Redrivable = false, RedriveCount = execution.RedriveCount + 1,
            }, execution))
        {
            throw new ExecutionNotRedrivableException($"Execution '{request.ExecutionArn}' is {execution.Status} and cannot be redriven.");
        }

        Run(_executions[execution.ExecutionArn], outcome.FailedState, outcome.StateAtFailure);
        return Task.FromResult(new RedriveExecutionResponse { RedriveDate = time.GetUtcNow().UtcDateTime });
    }

    /// <summary>Waits until no execution is running (the local host's way of knowing the workflows are done).</summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        while (!_running.IsEmpty)
        {
            await Task.WhenAll(_running.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The execution ARN Step Functions would give this name: the state machine ARN with "execution".</summary>
    public static string ExecutionArn(string stateMachineArn, string name) =>
        stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    private void Run(LocalExecution execution, string? resumeFrom, System.Text.Json.Nodes.JsonObject? resumeState)
    {
        var arn = execution.ExecutionArn;
        var task = Task.Run(async () =>
        {
            LocalRunOutcome outcome;
            try
            {
                outcome = await Runner!.RunAsync(execution, resumeFrom, resumeState, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                // A fault in the local runner itself ends the run the way a Step Functions service fault would.
                outcome = new LocalRunOutcome("FAILED", "States.Runtime", failure.Message, resumeFrom, resumeState, false);
            }

            _outcomes[arn] = outcome;
            var final = _executions[arn] with
            {
                Status = outcome.Status, Error = outcome.Error, Cause = outcome.Cause, StopDate = time.GetUtcNow(), Redrivable = outcome.Redrivable,
            };
            _executions[arn] = final;
            if (StatusChanged is { } notify)
            {
                await notify(final, CancellationToken.None).ConfigureAwait(false);
            }
        });
        _running[arn] = task;
        _ = task.ContinueWith(t => _running.TryRemove(new KeyValuePair<string, Task>(arn, t)), TaskScheduler.Default);
    }
}
