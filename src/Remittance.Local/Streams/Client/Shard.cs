using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

/// <summary>
/// A shard of the stream. Read a parent before its children to keep each item's changes in order; a shard with an
/// ending sequence number is closed and will get no more records.
/// </summary>
public sealed class Shard
{
    [JsonPropertyName("ShardId")]
    public string? ShardId { get; set; }

    [JsonPropertyName("ParentShardId")]
    public string? ParentShardId { get; set; }

    [JsonPropertyName("SequenceNumberRange")]
    public SequenceNumberRange? SequenceNumberRange { get; set; }
}
