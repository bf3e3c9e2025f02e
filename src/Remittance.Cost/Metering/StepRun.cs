namespace Remittance.Cost.Metering;

/// <summary>One workflow step inside a Lambda task invocation: how long it took and whether it failed.</summary>
public sealed record StepRun(string Step, TimeSpan Duration, bool Failed);
