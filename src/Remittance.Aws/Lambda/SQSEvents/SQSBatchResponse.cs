using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.SQSEvents;

/// <summary>
/// Partial batch response (ReportBatchItemFailures): only the listed messages return to the queue, the rest are
/// deleted. An empty list means the whole batch succeeded.
/// </summary>
public partial class SQSBatchResponse
{
    public SQSBatchResponse()
    {
    }

    public SQSBatchResponse(List<BatchItemFailure> batchItemFailures) => BatchItemFailures = batchItemFailures;

    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];
}
