namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>One invocation as the Runtime API's /next delivered it.</summary>
internal sealed record RuntimeInvocation(
    string RequestId,
    DateTimeOffset Deadline,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContextJson,
    string? CognitoIdentityJson,
    byte[] Payload);
