using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

public sealed class ListStreamsRequest
{
    /// <summary>Only the streams of this table; null lists every stream of the account and region.</summary>
    [JsonPropertyName("TableName")]
    public string? TableName { get; set; }

    [JsonPropertyName("ExclusiveStartStreamArn")]
    public string? ExclusiveStartStreamArn { get; set; }

    [JsonPropertyName("Limit")]
    public int? Limit { get; set; }
}
