namespace Remittance.Workflows.Definition;

/// <summary>One state of a tracked workflow.</summary>
public abstract record WorkflowState(string Name, string Comment);
