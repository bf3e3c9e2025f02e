namespace Remittance.Local.Run;

public sealed record RemittanceEntry(
    string RequestId,
    string Status,
    int Attempt,
    string ExecutionName,
    string? ExecutionStatus,
    IReadOnlyList<string> Sources,
    string? ExecutionError = null,
    int Published = 0);
