using System.Text.Json.Serialization;

namespace Remittance.Aws.DynamoDBStreams;

public sealed class GetShardIteratorResponse
{
    /// <summary>Valid for 15 minutes.</summary>
    [JsonPropertyName("ShardIterator")]
    public string? ShardIterator { get; set; }
}
