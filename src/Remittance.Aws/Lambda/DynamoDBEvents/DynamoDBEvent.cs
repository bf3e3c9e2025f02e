using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.DynamoDBEvents;

/// <summary>
/// The batch Lambda receives from a DynamoDB stream. Shaped like Amazon.Lambda.DynamoDBEvents 3.x (mutable classes,
/// nested record, stream record and attribute value types, which also keeps <see cref="AttributeValue"/> from
/// clashing with the SDK's own). The DynamoDB Streams GetRecords API returns records of this very shape, so the
/// local host's streams client (Remittance.Local) reuses <see cref="DynamodbStreamRecord"/>.
/// </summary>
public partial class DynamoDBEvent
{
    [JsonPropertyName("Records")]
    public List<DynamodbStreamRecord> Records { get; set; } = [];
}
