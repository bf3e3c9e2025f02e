using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

public sealed class SequenceNumberRange
{
    [JsonPropertyName("StartingSequenceNumber")]
    public string? StartingSequenceNumber { get; set; }

    /// <summary>Null while the shard is open.</summary>
    [JsonPropertyName("EndingSequenceNumber")]
    public string? EndingSequenceNumber { get; set; }
}
