using System.Text.Json.Serialization;
using Remittance.Aws.Json;

namespace Remittance.Local.Streams.Client;

/// <summary>A stream and one page of its shards.</summary>
public sealed class StreamDescription
{
    [JsonPropertyName("StreamArn")]
    public string? StreamArn { get; set; }

    [JsonPropertyName("StreamLabel")]
    public string? StreamLabel { get; set; }

    [JsonPropertyName("StreamStatus")]
    public StreamStatus? StreamStatus { get; set; }

    /// <summary>KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
    [JsonPropertyName("StreamViewType")]
    public string? StreamViewType { get; set; }

    /// <summary>UTC.</summary>
    [JsonPropertyName("CreationRequestDateTime")]
    [JsonConverter(typeof(NullableEpochSecondsConverter))]
    public DateTime? CreationRequestDateTime { get; set; }

    [JsonPropertyName("TableName")]
    public string? TableName { get; set; }

    [JsonPropertyName("KeySchema")]
    public List<KeySchemaElement> KeySchema { get; set; } = [];

    [JsonPropertyName("Shards")]
    public List<Shard> Shards { get; set; } = [];

    /// <summary>Set when there are more shards: pass it as ExclusiveStartShardId.</summary>
    [JsonPropertyName("LastEvaluatedShardId")]
    public string? LastEvaluatedShardId { get; set; }
}
