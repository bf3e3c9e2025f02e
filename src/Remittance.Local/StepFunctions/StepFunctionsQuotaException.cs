namespace Remittance.Local.StepFunctions;

/// <summary>A run broke a Step Functions quota: the execution fails with <see cref="Error"/>, past every Retry and Catch.</summary>
public sealed class StepFunctionsQuotaException(string error, string message) : Exception(message)
{
    public string Error { get; } = error;
}
