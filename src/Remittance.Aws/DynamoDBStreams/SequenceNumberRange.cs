using System.Text.Json.Serialization;

namespace Remittance.Aws.DynamoDBStreams;

public sealed class SequenceNumberRange
{
    [JsonPropertyName("StartingSequenceNumber")]
    public string? StartingSequenceNumber { get; set; }

    /// <summary>Null while the shard is open.</summary>
    [JsonPropertyName("EndingSequenceNumber")]
    public string? EndingSequenceNumber { get; set; }
}
