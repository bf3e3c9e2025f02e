using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

public sealed class GetRecordsRequest
{
    [JsonPropertyName("ShardIterator")]
    public string ShardIterator { get; set; } = string.Empty;

    /// <summary>At most 1000 records per call.</summary>
    [JsonPropertyName("Limit")]
    public int? Limit { get; set; }
}
