using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

public sealed class DescribeStreamResponse
{
    [JsonPropertyName("StreamDescription")]
    public StreamDescription StreamDescription { get; set; } = new();
}
