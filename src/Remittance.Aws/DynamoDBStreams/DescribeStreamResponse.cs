using System.Text.Json.Serialization;

namespace Remittance.Aws.DynamoDBStreams;

public sealed class DescribeStreamResponse
{
    [JsonPropertyName("StreamDescription")]
    public StreamDescription StreamDescription { get; set; } = new();
}
