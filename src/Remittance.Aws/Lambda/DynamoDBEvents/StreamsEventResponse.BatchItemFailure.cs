using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.DynamoDBEvents;

public partial class StreamsEventResponse
{
    /// <summary>A record to retry, identified by its sequence number.</summary>
    public class BatchItemFailure
    {
        [JsonPropertyName("itemIdentifier")]
        public string ItemIdentifier { get; set; } = string.Empty;
    }
}
