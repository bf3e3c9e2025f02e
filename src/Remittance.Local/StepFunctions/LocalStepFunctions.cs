using System.Collections.Concurrent;
using Remittance.Aws.StepFunctions;

namespace Remittance.Local.StepFunctions;

/// <summary>
/// The local stand-in for Step Functions' execution API, honouring its naming rules: a name is 1–80 characters
/// without whitespace, brackets, wildcards or control characters; starting a name that is still running with the
/// same input returns that execution, and any other reuse of a name raises ExecutionAlreadyExists.
/// Until the workflow definitions land, a started execution is recorded and stays RUNNING: no workflow steps run.
/// </summary>
public sealed class LocalStepFunctions(TimeProvider time, string region = "us-east-1", string account = "000000000000") : IAmazonStepFunctions
{
    public const string RunnerDescription =
        "recorded start: StartExecution is recorded under Step Functions' naming rules; workflow steps are not executed yet";

    private readonly ConcurrentDictionary<string, LocalExecution> _executions = new(StringComparer.Ordinal);
    private int _startCalls;

    public IReadOnlyCollection<LocalExecution> Executions => [.. _executions.Values];

    /// <summary>How many StartExecution calls were made (including ones that found the name taken).</summary>
    public int StartCalls => Volatile.Read(ref _startCalls);

    public string Region => region;

    public string Account => account;

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

        var input = request.Input ?? "{}";
        var candidate = new LocalExecution(ExecutionArn(request.StateMachineArn, name), request.StateMachineArn, name, input,
            time.GetUtcNow(), "RUNNING");
        var execution = _executions.GetOrAdd(candidate.ExecutionArn, candidate);
        if (!ReferenceEquals(execution, candidate) && (execution.Status != "RUNNING" || execution.Input != input))
        {
            throw new ExecutionAlreadyExistsException($"Execution Already Exists: '{execution.ExecutionArn}'");
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
            Input = execution.Input,
        });
    }

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default) =>
        throw new ExecutionNotRedrivableException(
            $"Execution '{request.ExecutionArn}' is not redrivable: the local runner records starts only and has no failed executions.");

    /// <summary>The execution ARN Step Functions would give this name: the state machine ARN with "execution".</summary>
    public static string ExecutionArn(string stateMachineArn, string name) =>
        stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;
}
