using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.CloudWatchEvents;

/// <summary>
/// The EventBridge (CloudWatch Events) envelope; <typeparamref name="T"/> is the source-specific detail. Shaped like
/// Amazon.Lambda.CloudWatchEvents: specific events derive from it with their detail type.
/// </summary>
public class CloudWatchEvent<T>
{
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("detail-type")]
    public string? DetailType { get; set; }

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("account")]
    public string? Account { get; set; }

    /// <summary>UTC; ISO 8601 on the wire.</summary>
    [JsonPropertyName("time")]
    public DateTime Time { get; set; }

    [JsonPropertyName("region")]
    public string? Region { get; set; }

    [JsonPropertyName("resources")]
    public List<string> Resources { get; set; } = [];

    [JsonPropertyName("detail")]
    public T? Detail { get; set; }
}
