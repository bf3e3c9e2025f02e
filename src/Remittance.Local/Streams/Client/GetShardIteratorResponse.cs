using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

public sealed class GetShardIteratorResponse
{
    /// <summary>Valid for 15 minutes.</summary>
    [JsonPropertyName("ShardIterator")]
    public string? ShardIterator { get; set; }
}
