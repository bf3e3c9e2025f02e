namespace Remittance.Workflows.Steps;

/// <summary>The input can never succeed as it is; retrying the same data is pointless.</summary>
public sealed class PermanentStepError(string message, Exception? inner = null) : StepError(message, inner);
