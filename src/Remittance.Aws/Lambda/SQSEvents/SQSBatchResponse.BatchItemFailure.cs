using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.SQSEvents;

public partial class SQSBatchResponse
{
    /// <summary>A message to retry, identified by its message id.</summary>
    public class BatchItemFailure
    {
        [JsonPropertyName("itemIdentifier")]
        public string ItemIdentifier { get; set; } = string.Empty;
    }
}
