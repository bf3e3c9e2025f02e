using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.SQSEvents;

public partial class SQSEvent
{
    /// <summary>One message of the batch.</summary>
    public class SQSMessage
    {
        [JsonPropertyName("messageId")]
        public string MessageId { get; set; } = string.Empty;

        [JsonPropertyName("receiptHandle")]
        public string? ReceiptHandle { get; set; }

        [JsonPropertyName("body")]
        public string? Body { get; set; }

        [JsonPropertyName("md5OfBody")]
        public string? Md5OfBody { get; set; }

        [JsonPropertyName("md5OfMessageAttributes")]
        public string? Md5OfMessageAttributes { get; set; }

        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceArn { get; set; }

        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        /// <summary>System attributes: ApproximateReceiveCount, SentTimestamp, SenderId, MessageGroupId, AWSTraceHeader…</summary>
        [JsonPropertyName("attributes")]
        public Dictionary<string, string> Attributes { get; set; } = [];

        [JsonPropertyName("messageAttributes")]
        public Dictionary<string, MessageAttribute> MessageAttributes { get; set; } = [];
    }
}
