using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

public sealed class GetShardIteratorRequest
{
    [JsonPropertyName("StreamArn")]
    public string StreamArn { get; set; } = string.Empty;

    [JsonPropertyName("ShardId")]
    public string ShardId { get; set; } = string.Empty;

    [JsonPropertyName("ShardIteratorType")]
    public ShardIteratorType ShardIteratorType { get; set; } = ShardIteratorType.TRIM_HORIZON;

    /// <summary>Required for AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER.</summary>
    [JsonPropertyName("SequenceNumber")]
    public string? SequenceNumber { get; set; }
}
