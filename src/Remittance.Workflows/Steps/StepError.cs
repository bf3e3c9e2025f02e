namespace Remittance.Workflows.Steps;

/// <summary>
/// A failure a step reports on purpose. Its type name is the error name Step Functions matches in Retry and Catch
/// (Lambda reports an unhandled exception's type name), so subclasses are named after the error they stand for.
/// </summary>
public abstract class StepError(string message, Exception? inner = null) : Exception(message, inner)
{
    public string ErrorName => GetType().Name;
}
