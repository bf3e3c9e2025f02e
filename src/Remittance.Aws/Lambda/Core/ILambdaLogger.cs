namespace Remittance.Aws.Lambda.Core;

/// <summary>Writes to the function's log stream (stdout in Lambda); shaped like Amazon.Lambda.Core's.</summary>
public interface ILambdaLogger
{
    void Log(string message);

    void LogLine(string message);

    void Log(string level, string message) => LogLine($"[{level}] {message}");

    void LogDebug(string message) => Log("Debug", message);

    void LogInformation(string message) => Log("Information", message);

    void LogWarning(string message) => Log("Warning", message);

    void LogError(string message) => Log("Error", message);
}
