using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

public sealed class DescribeStreamRequest
{
    [JsonPropertyName("StreamArn")]
    public string StreamArn { get; set; } = string.Empty;

    /// <summary>Continue the shard listing after this shard (the previous page's LastEvaluatedShardId).</summary>
    [JsonPropertyName("ExclusiveStartShardId")]
    public string? ExclusiveStartShardId { get; set; }

    [JsonPropertyName("Limit")]
    public int? Limit { get; set; }
}
