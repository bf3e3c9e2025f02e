using System.Text.Json.Serialization;
using Remittance.Aws.Json;

namespace Remittance.Aws.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>
    /// One attribute in DynamoDB JSON: exactly one member is set. Numbers stay strings so no precision is lost
    /// (DynamoDB holds 38 digits; <see cref="AttributeValueJsonExtensions"/> turns them into raw JSON numbers).
    /// </summary>
    public class AttributeValue
    {
        [JsonPropertyName("S")]
        public string? S { get; set; }

        [JsonPropertyName("N")]
        public string? N { get; set; }

        [JsonPropertyName("B")]
        [JsonConverter(typeof(Base64MemoryStreamConverter))]
        public MemoryStream? B { get; set; }

        [JsonPropertyName("SS")]
        public List<string>? SS { get; set; }

        [JsonPropertyName("NS")]
        public List<string>? NS { get; set; }

        [JsonPropertyName("BS")]
        [JsonConverter(typeof(Base64MemoryStreamListConverter))]
        public List<MemoryStream>? BS { get; set; }

        [JsonPropertyName("M")]
        public Dictionary<string, AttributeValue>? M { get; set; }

        [JsonPropertyName("L")]
        public List<AttributeValue>? L { get; set; }

        [JsonPropertyName("NULL")]
        public bool? NULL { get; set; }

        [JsonPropertyName("BOOL")]
        public bool? BOOL { get; set; }
    }
}
