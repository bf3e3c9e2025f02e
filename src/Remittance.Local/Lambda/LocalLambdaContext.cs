using Remittance.Aws.Lambda.Core;

namespace Remittance.Local.Lambda;

/// <summary>The invocation context the local host hands a function (like the official TestLambdaContext).</summary>
public sealed class LocalLambdaContext(string functionName, TimeSpan timeout, TimeProvider time) : ILambdaContext
{
    public string AwsRequestId { get; } = Guid.NewGuid().ToString();

    public string FunctionName => functionName;

    public string FunctionVersion => "$LATEST";

    public string InvokedFunctionArn => $"arn:aws:lambda:us-east-1:000000000000:function:{functionName}";

    public int MemoryLimitInMB => 512;

    public string LogGroupName => $"/aws/lambda/{functionName}";

    public string LogStreamName => "local";

    public string? TraceId => null;

    public DateTimeOffset Deadline { get; } = time.GetUtcNow() + timeout;

    public TimeSpan RemainingTime => Deadline - time.GetUtcNow();

    public IClientContext? ClientContext => null;

    public ICognitoIdentity? Identity => null;

    public ILambdaLogger Logger { get; } = new DiscardingLambdaLogger();
}
