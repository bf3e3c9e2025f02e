namespace Remittance.Notifications;

/// <summary>A notification ready to send: what the outbox (locally) or SES/SMS (in AWS) delivers.</summary>
/// <param name="Locale">The locale amounts and dates were written for, e.g. <c>fr-CA</c>.</param>
/// <param name="Subject">EMAIL only.</param>
/// <param name="Body">HTML for EMAIL (values escaped), plain text for SMS.</param>
/// <param name="Recipient">The payee's opaque ID; resolving it to an address is the sender's job.</param>
public sealed record RenderedNotification(
    string RequestId,
    string TemplateId,
    NotificationChannel Channel,
    string Locale,
    string? Subject,
    string Body,
    string Recipient);
