using Remittance.Domain;

namespace Remittance.Notifications.Outbox;

/// <summary>
/// Outbox file names: <c>{request}-{templateId}.eml|.txt</c>, where <c>{request}</c> is the request ID's execution-name
/// stem (readable ASCII prefix + SHA-256 hash, see <see cref="ExecutionName"/>): safe on every file system for any
/// request ID, unique per request, and the same every time, which is what makes the outbox idempotent. Template IDs are
/// already restricted to file-safe characters by the catalog.
/// </summary>
public static class OutboxFileName
{
    // ExecutionName.For(requestId, 1) ends with the attempt "-1"; a notification belongs to the request, not an attempt.
    private const string AttemptSuffix = "-1";

    public static string RequestStem(string requestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        return ExecutionName.For(requestId, 1)[..^AttemptSuffix.Length];
    }

    public static string For(string requestId, string templateId, NotificationChannel channel)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        return RequestStem(requestId) + "-" + templateId + (channel == NotificationChannel.Email ? ".eml" : ".txt");
    }
}
