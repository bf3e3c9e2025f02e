namespace Remittance.Workflows.Steps;

/// <summary>A dependency of the step was throttled or unavailable; retrying may succeed.</summary>
public sealed class TransientStepError(string message, Exception? inner = null) : StepError(message, inner);
