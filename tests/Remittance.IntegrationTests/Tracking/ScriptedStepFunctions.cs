using System.Collections.Concurrent;
using Remittance.Aws.StepFunctions;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Tracking;

namespace Remittance.IntegrationTests.Tracking;

/// <summary>
/// The local runner's start semantics, plus the failure paths it cannot produce (there is no local Step Functions):
/// executions that fail (redrivable or not) or succeed, RedriveExecution with client-token idempotency, and
/// throttled starts. DynamoDB stays real; only this edge is scripted.
/// </summary>
public sealed class ScriptedStepFunctions(TimeProvider time) : IAmazonStepFunctions
{
    private readonly LocalStepFunctions _local = new(time);
    private readonly ConcurrentDictionary<string, Ending> _endings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedTokens = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _redriveCalls;
    private int _redrives;
    private int _throttledStarts;

    public LocalStepFunctions Local => _local;

    /// <summary>StartExecution calls that reached the runner (throttled ones are not counted here).</summary>
    public int StartCalls => _local.StartCalls;

    public int ThrottledStarts => Volatile.Read(ref _throttledStarts);

    public int RedriveCalls => Volatile.Read(ref _redriveCalls);

    /// <summary>Redrives that resumed an execution (a repeated client token does not count twice).</summary>
    public int Redrives => Volatile.Read(ref _redrives);

    /// <summary>Answers a StartExecution with ThrottlingException when this returns true.</summary>
    public Func<StartExecutionRequest, bool> ThrottleStart { get; set; } = _ => false;

    /// <summary>Refuses a StartExecution with the error this returns (a lasting refusal, such as a missing state machine).</summary>
    public Func<StartExecutionRequest, AmazonStepFunctionsException?> RefuseStart { get; set; } = _ => null;

    /// <summary>Refuses a RedriveExecution with the error this returns.</summary>
    public Func<RedriveExecutionRequest, AmazonStepFunctionsException?> RefuseRedrive { get; set; } = _ => null;

    public static string ArnOf(string executionName) => LocalStepFunctions.ExecutionArn(PipelineHarness.StateMachineArn, executionName);

    public bool Exists(string executionName) => _local.Executions.Any(e => e.Name == executionName);

    public void Fail(string executionName, string error, string cause = "scripted failure", bool redrivable = true, string status = "FAILED") =>
        _endings.AddOrUpdate(ArnOf(executionName),
            _ => new Ending(status, error, cause, redrivable, 0),
            (_, previous) => new Ending(status, error, cause, redrivable, previous.RedriveCount));

    public void Succeed(string executionName) =>
        _endings.AddOrUpdate(ArnOf(executionName), _ => new Ending("SUCCEEDED", null, null, false, 0),
            (_, previous) => previous with { Status = "SUCCEEDED", Error = null, Cause = null, Redrivable = false });

    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default)
    {
        if (ThrottleStart(request))
        {
            Interlocked.Increment(ref _throttledStarts);
            throw new ThrottlingException("Rate exceeded");
        }

        if (RefuseStart(request) is { } refusal)
        {
            throw refusal;
        }

        var arn = LocalStepFunctions.ExecutionArn(request.StateMachineArn, request.Name ?? string.Empty);
        if (_endings.TryGetValue(arn, out var ending) && ending.Status != "RUNNING")
        {
            throw new ExecutionAlreadyExistsException($"Execution Already Exists: '{arn}'");
        }

        return _local.StartExecutionAsync(request, cancellationToken);
    }

    public async Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default)
    {
        var response = await _local.DescribeExecutionAsync(request, cancellationToken);
        response.RedriveCount = 0;
        response.RedriveStatus = ExecutionRedriveStatus.NOT_REDRIVABLE;
        if (_endings.TryGetValue(request.ExecutionArn, out var ending))
        {
            response.Status = ExecutionStatus.FindValue(ending.Status);
            response.Error = ending.Error;
            response.Cause = ending.Cause;
            response.RedriveCount = ending.RedriveCount;
            response.RedriveStatus = ending.IsFailure && ending.Redrivable ? ExecutionRedriveStatus.REDRIVABLE : ExecutionRedriveStatus.NOT_REDRIVABLE;
        }

        return response;
    }

    public Task<RedriveExecutionResponse> RedriveExecutionAsync(RedriveExecutionRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _redriveCalls);
        if (RefuseRedrive(request) is { } refusal)
        {
            throw refusal;
        }

        lock (_gate)
        {
            var token = request.ExecutionArn + "|" + request.ClientToken;
            if (request.ClientToken is not null && _usedTokens.Contains(token))
            {
                return Task.FromResult(new RedriveExecutionResponse { RedriveDate = time.GetUtcNow().UtcDateTime });
            }

            if (!_endings.TryGetValue(request.ExecutionArn, out var ending))
            {
                return _local.Executions.Any(e => e.ExecutionArn == request.ExecutionArn)
                    ? throw new ExecutionNotRedrivableException("Execution is RUNNING and cannot be redriven.")
                    : throw new ExecutionDoesNotExistException($"Execution Does Not Exist: '{request.ExecutionArn}'");
            }

            if (!ending.IsFailure || !ending.Redrivable)
            {
                throw new ExecutionNotRedrivableException($"Execution is {ending.Status} and cannot be redriven.");
            }

            _endings[request.ExecutionArn] = ending with { Status = "RUNNING", Error = null, Cause = null, RedriveCount = ending.RedriveCount + 1 };
            _usedTokens.Add(token);
            Interlocked.Increment(ref _redrives);
            return Task.FromResult(new RedriveExecutionResponse { RedriveDate = time.GetUtcNow().UtcDateTime });
        }
    }

    private sealed record Ending(string Status, string? Error, string? Cause, bool Redrivable, int RedriveCount)
    {
        public bool IsFailure => ExecutionStatuses.IsFailure(Status);
    }
}
