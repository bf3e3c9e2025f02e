using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

/// <summary>One stream in a ListStreams page (the API's "Stream", named as the .NET SDK names it).</summary>
public sealed class StreamSummary
{
    [JsonPropertyName("StreamArn")]
    public string? StreamArn { get; set; }

    [JsonPropertyName("StreamLabel")]
    public string? StreamLabel { get; set; }

    [JsonPropertyName("TableName")]
    public string? TableName { get; set; }
}
