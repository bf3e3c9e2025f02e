namespace Remittance.Workflows.Definition;

/// <summary>
/// A Task state's Catch rule. Only permanent errors are caught: a caught error ends the run in a Fail state, and
/// RedriveExecution would resume at that Fail state and fail again. Transient failures are left uncaught on purpose,
/// so the run fails at the task itself and the sweeper's redrive resumes exactly there (without re-publishing).
/// </summary>
public sealed record CatchPolicy(IReadOnlyList<string> Errors, string Next);
