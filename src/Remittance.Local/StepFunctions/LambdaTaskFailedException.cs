namespace Remittance.Local.StepFunctions;

/// <summary>A Lambda task's function failed: <see cref="ErrorType"/> is the error Step Functions matches in Retry and Catch.</summary>
public sealed class LambdaTaskFailedException(string errorType, string message) : Exception(message)
{
    public string ErrorType { get; } = errorType;
}
