using System.Text;
using Remittance.Aws.Lambda.RuntimeSupport;

namespace Remittance.Local.RuntimeApi;

/// <summary>
/// The outcome of one local invocation: the posted body (response or error JSON), and for errors the
/// Lambda-Runtime-Function-Error-Type header and the parsed error when the body was one.
/// </summary>
public sealed record LocalInvocationResult(
    string RequestId,
    LocalInvocationStatus Status,
    byte[] Payload,
    string? ErrorType,
    LambdaErrorResponse? Error,
    TimeSpan Duration)
{
    public bool Succeeded => Status == LocalInvocationStatus.Succeeded;

    public string PayloadText => Encoding.UTF8.GetString(Payload);
}
