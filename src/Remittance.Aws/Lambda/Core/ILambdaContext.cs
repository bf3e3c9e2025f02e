namespace Remittance.Aws.Lambda.Core;

/// <summary>What a handler knows about the invocation and the function; shaped like Amazon.Lambda.Core's.</summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    string InvokedFunctionArn { get; }

    int MemoryLimitInMB { get; }

    string LogGroupName { get; }

    string LogStreamName { get; }

    /// <summary>The X-Ray trace header of this invocation, when tracing is on.</summary>
    string? TraceId { get; }

    /// <summary>When Lambda stops the invocation (UTC).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>Time left until <see cref="Deadline"/>, never negative.</summary>
    TimeSpan RemainingTime { get; }

    IClientContext? ClientContext { get; }

    ICognitoIdentity? Identity { get; }

    ILambdaLogger Logger { get; }
}
