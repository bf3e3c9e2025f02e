using System.Text.Json.Serialization;
using Remittance.Aws.Lambda.DynamoDBEvents;

namespace Remittance.Local.Streams.Client;

public sealed class GetRecordsResponse
{
    [JsonPropertyName("Records")]
    public List<DynamoDBEvent.DynamodbStreamRecord> Records { get; set; } = [];

    /// <summary>Null once a closed shard has been read to its end.</summary>
    [JsonPropertyName("NextShardIterator")]
    public string? NextShardIterator { get; set; }
}
