using System.Text.Json.Serialization;

namespace Remittance.Local.Streams.Client;

/// <summary>One key attribute of the stream's table.</summary>
public sealed class KeySchemaElement
{
    [JsonPropertyName("AttributeName")]
    public string? AttributeName { get; set; }

    /// <summary>HASH or RANGE.</summary>
    [JsonPropertyName("KeyType")]
    public string? KeyType { get; set; }
}
