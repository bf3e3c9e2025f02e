using System.Text.Json.Nodes;

namespace Remittance.Local.StepFunctions;

/// <summary>
/// How a local run ended. A run that failed at a task (not in a Fail state) can be redriven: it resumes at
/// <see cref="FailedState"/> with <see cref="StateAtFailure"/>, as RedriveExecution does.
/// </summary>
public sealed record LocalRunOutcome(string Status, string? Error, string? Cause, string? FailedState, JsonObject? StateAtFailure, bool Redrivable)
{
    public static LocalRunOutcome Succeeded { get; } = new("SUCCEEDED", null, null, null, null, false);
}
