using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.SQSEvents;

/// <summary>
/// The batch Lambda receives from an SQS event source mapping. Shaped like Amazon.Lambda.SQSEvents (mutable classes,
/// nested message types) so that swapping the official package in is a namespace change.
/// </summary>
public partial class SQSEvent
{
    [JsonPropertyName("Records")]
    public List<SQSMessage> Records { get; set; } = [];
}
