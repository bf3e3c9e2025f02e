using System.Text.Json.Nodes;
using Remittance.Notifications;

namespace Remittance.Workflows.Steps.Notification;

/// <summary>
/// The rendered notification as the workflow carries it between states and hands it to the delivery channel
/// (the SNS message in AWS, the outbox locally).
/// </summary>
public static class RenderedNotificationJson
{
    public static JsonObject ToJson(RenderedNotification notification) => new()
    {
        ["requestId"] = notification.RequestId,
        ["templateId"] = notification.TemplateId,
        ["channel"] = notification.Channel == NotificationChannel.Email ? "EMAIL" : "SMS",
        ["locale"] = notification.Locale,
        ["subject"] = notification.Subject,
        ["body"] = notification.Body,
        ["recipient"] = notification.Recipient,
    };

    public static RenderedNotification FromJson(JsonNode? json)
    {
        if (json is not JsonObject obj)
        {
            throw new FormatException("A rendered notification must be a JSON object.");
        }

        string Required(string name) => (string?)obj[name] ?? throw new FormatException($"The rendered notification has no '{name}'.");
        return new RenderedNotification(
            Required("requestId"),
            Required("templateId"),
            Required("channel") == "EMAIL" ? NotificationChannel.Email : NotificationChannel.Sms,
            Required("locale"),
            (string?)obj["subject"],
            Required("body"),
            Required("recipient"));
    }
}
