using System.Text.Json;
using Remittance.Aws.Lambda.Core;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>The context of one invocation; built per invocation so nothing carries over to the next.</summary>
internal sealed class LambdaContext : ILambdaContext
{
    private readonly TimeProvider _time;

    public LambdaContext(RuntimeInvocation invocation, LambdaEnvironment environment, ILambdaLogger logger, TimeProvider time)
    {
        _time = time;
        AwsRequestId = invocation.RequestId;
        Deadline = invocation.Deadline;
        InvokedFunctionArn = invocation.InvokedFunctionArn;
        TraceId = invocation.TraceId;
        FunctionName = environment.FunctionName;
        FunctionVersion = environment.FunctionVersion;
        MemoryLimitInMB = environment.MemoryLimitInMB;
        LogGroupName = environment.LogGroupName;
        LogStreamName = environment.LogStreamName;
        Logger = logger;
        ClientContext = string.IsNullOrEmpty(invocation.ClientContextJson)
            ? null
            : JsonSerializer.Deserialize(invocation.ClientContextJson, RuntimeSupportJsonContext.Default.ClientContext);
        Identity = string.IsNullOrEmpty(invocation.CognitoIdentityJson)
            ? null
            : JsonSerializer.Deserialize(invocation.CognitoIdentityJson, RuntimeSupportJsonContext.Default.CognitoIdentity);
    }

    public string AwsRequestId { get; }

    public string FunctionName { get; }

    public string FunctionVersion { get; }

    public string InvokedFunctionArn { get; }

    public int MemoryLimitInMB { get; }

    public string LogGroupName { get; }

    public string LogStreamName { get; }

    public string? TraceId { get; }

    public DateTimeOffset Deadline { get; }

    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = Deadline - _time.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }

    public IClientContext? ClientContext { get; }

    public ICognitoIdentity? Identity { get; }

    public ILambdaLogger Logger { get; }
}
