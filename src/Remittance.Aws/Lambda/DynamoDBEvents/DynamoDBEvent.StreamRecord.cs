using System.Text.Json.Serialization;
using Remittance.Aws.Json;

namespace Remittance.Aws.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>The change itself: keys, images (as the stream view type allows), sequence number and size.</summary>
    public class StreamRecord
    {
        /// <summary>UTC; epoch seconds on the wire, possibly fractional.</summary>
        [JsonPropertyName("ApproximateCreationDateTime")]
        [JsonConverter(typeof(EpochSecondsConverter))]
        public DateTime ApproximateCreationDateTime { get; set; }

        [JsonPropertyName("Keys")]
        public Dictionary<string, AttributeValue> Keys { get; set; } = [];

        [JsonPropertyName("NewImage")]
        public Dictionary<string, AttributeValue>? NewImage { get; set; }

        [JsonPropertyName("OldImage")]
        public Dictionary<string, AttributeValue>? OldImage { get; set; }

        [JsonPropertyName("SequenceNumber")]
        public string? SequenceNumber { get; set; }

        [JsonPropertyName("SizeBytes")]
        public long SizeBytes { get; set; }

        /// <summary>KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.</summary>
        [JsonPropertyName("StreamViewType")]
        public string? StreamViewType { get; set; }
    }
}
