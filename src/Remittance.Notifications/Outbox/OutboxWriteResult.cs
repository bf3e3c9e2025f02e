namespace Remittance.Notifications.Outbox;

/// <param name="Path">The notification's file.</param>
/// <param name="AlreadyExisted">
/// True when this request's notification with this template had been written before: the workflow uses it to show that
/// a redelivered or retried step did not send twice.
/// </param>
/// <param name="Changed">True when it existed with other content (the catalog changed in between) and was replaced.</param>
public sealed record OutboxWriteResult(string Path, bool AlreadyExisted, bool Changed);
