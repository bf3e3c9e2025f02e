namespace Remittance.Local.Run;

public sealed record RemittanceEntry(
    string RequestId,
    string Status,
    int Attempt,
    string ExecutionName,
    string? ExecutionStatus,
    IReadOnlyList<string> Sources,
    string? ExecutionError = null,
    int Published = 0,
    string? NotificationStatus = null,
    int NotificationAttempts = 0,
    int NotificationsSent = 0,
    string? TemplateId = null,
    string? OutboxFile = null);
