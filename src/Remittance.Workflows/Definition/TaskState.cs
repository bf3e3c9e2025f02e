namespace Remittance.Workflows.Definition;

/// <summary>A state that does work, with its retry rules and the permanent errors it catches.</summary>
public abstract record TaskState(string Name, string Comment, IReadOnlyList<RetryPolicy> Retry, IReadOnlyList<CatchPolicy> Catch)
    : WorkflowState(Name, Comment);
