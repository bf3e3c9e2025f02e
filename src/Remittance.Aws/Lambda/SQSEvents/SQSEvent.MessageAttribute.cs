using System.Text.Json.Serialization;
using Remittance.Aws.Json;

namespace Remittance.Aws.Lambda.SQSEvents;

public partial class SQSEvent
{
    /// <summary>A user-defined message attribute; binary values arrive base64-encoded.</summary>
    public class MessageAttribute
    {
        [JsonPropertyName("stringValue")]
        public string? StringValue { get; set; }

        [JsonPropertyName("binaryValue")]
        [JsonConverter(typeof(Base64MemoryStreamConverter))]
        public MemoryStream? BinaryValue { get; set; }

        [JsonPropertyName("stringListValues")]
        public List<string>? StringListValues { get; set; }

        [JsonPropertyName("binaryListValues")]
        [JsonConverter(typeof(Base64MemoryStreamListConverter))]
        public List<MemoryStream>? BinaryListValues { get; set; }

        /// <summary>String, Number or Binary, optionally with a custom suffix ("Number.int").</summary>
        [JsonPropertyName("dataType")]
        public string? DataType { get; set; }
    }
}
