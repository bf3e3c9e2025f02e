namespace Remittance.Workflows.Steps;

/// <summary>No notification rule matches; nothing is sent rather than the wrong template.</summary>
public sealed class NoMatchingTemplateError(string message, Exception? inner = null) : StepError(message, inner);
