using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.DynamoDBEvents;

/// <summary>
/// Partial batch response for stream sources (ReportBatchItemFailures): Lambda retries from the lowest reported
/// sequence number, so report the first record that failed (and optionally the ones after it).
/// </summary>
public partial class StreamsEventResponse
{
    public StreamsEventResponse()
    {
    }

    public StreamsEventResponse(List<BatchItemFailure> batchItemFailures) => BatchItemFailures = batchItemFailures;

    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];
}
