using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

public sealed class ListStreamsResponse
{
    [JsonPropertyName("Streams")]
    public List<StreamSummary> Streams { get; set; } = [];

    /// <summary>Set when there are more streams to list from here.</summary>
    [JsonPropertyName("LastEvaluatedStreamArn")]
    public string? LastEvaluatedStreamArn { get; set; }
}
