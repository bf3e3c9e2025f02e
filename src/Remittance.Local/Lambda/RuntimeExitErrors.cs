using System.Text.Json;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.DynamoDbLocal.Processes;
using Remittance.Local.RuntimeApi;

namespace Remittance.Local.Lambda;

/// <summary>
/// The outcomes Lambda itself reports when the runtime cannot: the process died, or never became ready. Shaped like
/// the errors a runtime posts, so callers read every failure the same way.
/// </summary>
internal static class RuntimeExitErrors
{
    public const string ExitError = "Runtime.ExitError";
    public const string InitTimeout = "Sandbox.Timedout";

    public static LocalInvocationResult DiedDuringInvocation(string requestId, int exitCode, OutputTail output, TimeSpan duration) =>
        Result(requestId, LocalInvocationStatus.Failed, ExitError,
            $"RequestId: {requestId} Error: Runtime exited with error: exit code {exitCode} during the invocation; last output lines:{Environment.NewLine}{output}",
            duration);

    public static LocalInvocationResult ExitedBeforePolling(int exitCode, OutputTail output) =>
        Result("init", LocalInvocationStatus.InitFailed, ExitError,
            $"The function process exited with code {exitCode} before polling the Runtime API; last output lines:{Environment.NewLine}{output}",
            TimeSpan.Zero);

    public static LocalInvocationResult InitTimedOut(TimeSpan waited, OutputTail output) =>
        Result("init", LocalInvocationStatus.InitFailed, InitTimeout,
            $"The function process did not poll the Runtime API within {waited.TotalSeconds:0.##} s of starting; last output lines:{Environment.NewLine}{output}",
            waited);

    private static LocalInvocationResult Result(string requestId, LocalInvocationStatus status, string errorType, string message, TimeSpan duration)
    {
        var error = new LambdaErrorResponse(message, errorType, []);
        return new LocalInvocationResult(requestId, status, ToJson(error), errorType, error, duration);
    }

    private static byte[] ToJson(LambdaErrorResponse error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", error.ErrorMessage);
            writer.WriteString("errorType", error.ErrorType);
            writer.WriteStartArray("stackTrace");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
