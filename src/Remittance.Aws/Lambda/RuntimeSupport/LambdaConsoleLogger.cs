using Remittance.Aws.Lambda.Core;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>Writes log lines to the function's log writer; the writer is synchronized so handlers may log in parallel.</summary>
internal sealed class LambdaConsoleLogger(TextWriter writer) : ILambdaLogger
{
    public void Log(string message) => writer.Write(message);

    public void LogLine(string message) => writer.WriteLine(message);
}
