using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>The body of an invocation or initialisation error posted to the Runtime API.</summary>
public sealed record LambdaErrorResponse(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    public static LambdaErrorResponse FromException(Exception exception)
    {
        var error = Unwrap(exception);
        var stackTrace = new List<string>();
        AddFrames(stackTrace, error);
        for (var inner = error.InnerException; inner is not null; inner = inner.InnerException)
        {
            stackTrace.Add($"Caused by {inner.GetType().FullName}: {inner.Message}");
            AddFrames(stackTrace, inner);
        }

        return new LambdaErrorResponse(error.Message, error.GetType().Name, stackTrace);
    }

    /// <summary>The error as the runtime posts it (UTF-8 JSON).</summary>
    public byte[] ToUtf8Json() => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this, RuntimeSupportJsonContext.Default.LambdaErrorResponse);

    // An async handler's failure often arrives wrapped; the person reading the log wants the real one.
    private static Exception Unwrap(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => exception,
    };

    private static void AddFrames(List<string> lines, Exception exception)
    {
        if (exception.StackTrace is not { } trace)
        {
            return;
        }

        foreach (var line in trace.Split('\n'))
        {
            var frame = line.Trim();
            if (frame.Length > 0)
            {
                lines.Add(frame);
            }
        }
    }
}
