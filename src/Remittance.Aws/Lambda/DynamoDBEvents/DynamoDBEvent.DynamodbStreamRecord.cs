using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>One change to one item.</summary>
    public class DynamodbStreamRecord
    {
        [JsonPropertyName("eventID")]
        public string? EventID { get; set; }

        /// <summary>INSERT, MODIFY or REMOVE.</summary>
        [JsonPropertyName("eventName")]
        public string? EventName { get; set; }

        [JsonPropertyName("eventVersion")]
        public string? EventVersion { get; set; }

        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        /// <summary>Set on Lambda events only; GetRecords leaves it out.</summary>
        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceArn { get; set; }

        [JsonPropertyName("dynamodb")]
        public StreamRecord Dynamodb { get; set; } = new();

        /// <summary>Present only for deletes made by Time to Live (type "Service", principal "dynamodb.amazonaws.com").</summary>
        [JsonPropertyName("userIdentity")]
        public Identity? UserIdentity { get; set; }
    }
}
