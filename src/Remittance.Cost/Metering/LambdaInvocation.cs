namespace Remittance.Cost.Metering;

/// <summary>
/// One Lambda invocation and how long it ran. A workflow task's invocation also lists its steps (the seed design ran
/// each step as its own Lambda), and which task state invoked it.
/// </summary>
public sealed record LambdaInvocation(CallSite Site, TimeSpan Duration, int Records, string? TaskState, IReadOnlyList<StepRun> Steps);
