namespace Remittance.Local.StepFunctions;

/// <summary>One execution the local runner knows about.</summary>
public sealed record LocalExecution(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Input,
    DateTimeOffset StartDate,
    string Status);
