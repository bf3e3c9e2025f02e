using Remittance.Notifications.Outbox;

namespace Remittance.Local.Run;

/// <summary>A notification handed to the delivery channel (the outbox), with what the outbox found.</summary>
public sealed record SentNotification(string RequestId, string TemplateId, OutboxWriteResult Result);
