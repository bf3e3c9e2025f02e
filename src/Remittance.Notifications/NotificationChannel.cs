namespace Remittance.Notifications;

/// <summary>How a notification reaches the payee. Wire values (in templates.json): <c>EMAIL</c>, <c>SMS</c>.</summary>
public enum NotificationChannel
{
    Email,
    Sms,
}
