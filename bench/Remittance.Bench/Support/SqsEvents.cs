using System.Globalization;
using System.Text.Json;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Aws.Lambda.SQSEvents;

namespace Remittance.Bench.Support;

/// <summary>SQS event payloads as Lambda's event source mapping delivers them (the JSON bytes the runtime hands the handler).</summary>
public static class SqsEvents
{
    public static byte[] Payload(IEnumerable<(string MessageId, string Body)> messages) =>
        JsonSerializer.SerializeToUtf8Bytes(new SQSEvent
        {
            Records = [.. messages.Select(m => new SQSEvent.SQSMessage
            {
                MessageId = m.MessageId,
                ReceiptHandle = m.MessageId + "#1",
                Body = m.Body,
                EventSource = "aws:sqs",
                EventSourceArn = "arn:aws:sqs:us-east-1:000000000000:remittance-enrichment-ingest",
                AwsRegion = "us-east-1",
                Attributes = new()
                {
                    ["ApproximateReceiveCount"] = "1",
                    ["SentTimestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                },
            })],
        }, AwsEventsJsonContext.Default.SQSEvent);

    public static int FailureCount(Stream response) =>
        JsonSerializer.Deserialize(response, AwsEventsJsonContext.Default.SQSBatchResponse)?.BatchItemFailures.Count
        ?? throw new InvalidOperationException("The ingest handler answered null.");
}
