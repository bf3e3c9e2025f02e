using System.Diagnostics;
using System.Text.Json.Nodes;
using Remittance.Cost.Metering;
using Remittance.Local.StepFunctions;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Cost.MeteredRun;

/// <summary>
/// Meters one service's workflow runs on the local runner: every state entered (and every retry of it) is a state
/// transition, every attempt of a Lambda task is one invocation of the workflow function lasting as long as its steps
/// ran, and what a step calls is attributed to that invocation, what a native state calls to the run.
/// </summary>
public sealed class WorkflowMeter(string service, WorkflowDefinition definition, CostLedger ledger)
{
    private readonly AsyncLocal<RunState?> _run = new();

    // Runs one at a time: the local runner starts every execution at once, and hundreds of runs queueing on one DynamoDB
    // Local would be measured as Lambda time that AWS, where each invocation has its own capacity, does not bill.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>The local runner's per-state hook: called as each state is entered, before it runs.</summary>
    public Exception? OnStateEntered(TaskState state)
    {
        var run = _run.Value ?? throw new InvalidOperationException("A state was entered outside a metered run.");
        run.CloseTask(ledger);
        var attempt = run.Attempts[state.Name] = run.Attempts.GetValueOrDefault(state.Name) + 1;
        var kind = state switch
        {
            LambdaTaskState => StateKind.Lambda,
            PublishState => StateKind.Publish,
            RecordSuccessState => StateKind.Record,
            _ => throw new NotSupportedException($"State type {state.GetType().Name} has no cost rule."),
        };
        ledger.Add(new StateTransition(run.Site, run.ExecutionName, state.Name, kind, attempt));
        if (kind == StateKind.Lambda)
        {
            run.Open(ledger.NewSite(service, MeteredFunction.Workflow), state.Name);
        }

        return null;
    }

    public ILocalExecutionRunner Meter(ILocalExecutionRunner runner) => new MeteredRunner(this, runner);

    public IWorkflowStep Meter(IWorkflowStep step, Func<StepContext, string, Exception?>? fault) => new MeteredStep(this, step, fault);

    private async Task<LocalRunOutcome> RunAsync(ILocalExecutionRunner runner, LocalExecution execution, string? resumeFrom, JsonObject? resumeState, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var run = new RunState(ledger.NewSite(service, MeteredFunction.StateMachine), execution.Name);
            return await ledger.WithinAsync(run.Site, async () =>
            {
                _run.Value = run;
                var outcome = await runner.RunAsync(execution, resumeFrom, resumeState, cancellationToken).ConfigureAwait(false);
                run.CloseTask(ledger);
                // A caught error moves the run into the Fail state: one more state entered.
                if (outcome.Status == "FAILED" && !outcome.Redrivable && outcome.FailedState is { } failState && definition.State(failState) is FailState)
                {
                    ledger.Add(new StateTransition(run.Site, run.ExecutionName, failState, StateKind.Fail, 1));
                }

                return outcome;
            }).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<JsonNode?> RunStepAsync(IWorkflowStep step, Func<StepContext, string, Exception?>? fault, StepContext context, CancellationToken cancellationToken)
    {
        var task = _run.Value?.Task ?? throw new InvalidOperationException($"Step {step.Name} ran outside a metered Lambda task.");
        var clock = Stopwatch.StartNew();
        var failed = true;
        try
        {
            var result = await ledger.WithinAsync(task.Site, () => step.RunAsync(context, cancellationToken)).ConfigureAwait(false);
            if (fault?.Invoke(context, step.Name) is { } injected)
            {
                throw injected;
            }

            failed = false;
            return result;
        }
        finally
        {
            task.Steps.Add(new StepRun(step.Name, clock.Elapsed, failed));
        }
    }

    private sealed class RunState(CallSite site, string executionName)
    {
        public CallSite Site => site;

        public string ExecutionName => executionName;

        public Dictionary<string, int> Attempts { get; } = new(StringComparer.Ordinal);

        public TaskAttempt? Task { get; private set; }

        public void Open(CallSite invocation, string state) => Task = new TaskAttempt(invocation, state);

        // The invocation ends when its last step has returned or thrown; its billed time is the steps' time.
        public void CloseTask(CostLedger ledger)
        {
            if (Task is { } open)
            {
                ledger.Add(new LambdaInvocation(open.Site, open.Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration), 1, open.State,
                    [.. open.Steps]));
                Task = null;
            }
        }
    }

    private sealed record TaskAttempt(CallSite Site, string State)
    {
        public List<StepRun> Steps { get; } = [];
    }

    private sealed class MeteredRunner(WorkflowMeter meter, ILocalExecutionRunner inner) : ILocalExecutionRunner
    {
        public Task<LocalRunOutcome> RunAsync(LocalExecution execution, string? resumeFrom, JsonObject? resumeState, CancellationToken cancellationToken) =>
            meter.RunAsync(inner, execution, resumeFrom, resumeState, cancellationToken);
    }

    private sealed class MeteredStep(WorkflowMeter meter, IWorkflowStep inner, Func<StepContext, string, Exception?>? fault) : IWorkflowStep
    {
        public string Name => inner.Name;

        public Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken) => meter.RunStepAsync(inner, fault, context, cancellationToken);
    }
}
