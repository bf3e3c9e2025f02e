namespace Remittance.Local.StepFunctions;

/// <summary>One execution the local runner knows about, as DescribeExecution would show it.</summary>
public sealed record LocalExecution(
    string ExecutionArn,
    string StateMachineArn,
    string Name,
    string Input,
    DateTimeOffset StartDate,
    string Status,
    string? Error = null,
    string? Cause = null,
    DateTimeOffset? StopDate = null,
    int RedriveCount = 0,
    bool Redrivable = false);
