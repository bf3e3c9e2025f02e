namespace Remittance.Aws.SimpleNotificationService;

/// <summary>A message for a topic (the SDK's PublishRequest, the members this system uses).</summary>
public sealed class PublishRequest
{
    public string? TopicArn { get; set; }

    /// <summary>The message body; at most 256 KB of UTF-8.</summary>
    public string? Message { get; set; }

    /// <summary>The e-mail subject line, when e-mail endpoints subscribe.</summary>
    public string? Subject { get; set; }
}
