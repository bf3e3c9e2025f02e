namespace Remittance.Workflows.Definition;

/// <summary>Ends a run whose error was caught, keeping the original error and cause for the status event.</summary>
public sealed record FailState(string Name, string Comment) : WorkflowState(Name, Comment);
