using System.Diagnostics.CodeAnalysis;

namespace Remittance.Notifications;

public static class NotificationChannels
{
    public static IReadOnlyList<string> WireNames { get; } = ["EMAIL", "SMS"];

    public static string ToWire(this NotificationChannel channel) => channel switch
    {
        NotificationChannel.Email => "EMAIL",
        NotificationChannel.Sms => "SMS",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    /// <summary>Exact and case-sensitive, like every wire value.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out NotificationChannel channel)
    {
        channel = text == "SMS" ? NotificationChannel.Sms : NotificationChannel.Email;
        return text is "EMAIL" or "SMS";
    }
}
