using System.Text.Json.Nodes;

namespace Remittance.Local.StepFunctions;

/// <summary>Runs a started (or redriven) execution's workflow; <paramref name="resumeFrom"/> is null for a fresh start.</summary>
public interface ILocalExecutionRunner
{
    Task<LocalRunOutcome> RunAsync(LocalExecution execution, string? resumeFrom, JsonObject? resumeState, CancellationToken cancellationToken);
}
