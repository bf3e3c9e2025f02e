using Amazon.DynamoDBv2.Model;

namespace Remittance.Cost.Metering;

/// <summary>
/// One item write as the code asked for it (the whole item for a put, the key and the update expression for an update),
/// kept so the same writes can be priced again against another design's items.
/// </summary>
public sealed record TableWrite(
    WriteKind Kind,
    string TableName,
    IReadOnlyDictionary<string, AttributeValue> Key,
    IReadOnlyDictionary<string, AttributeValue>? Item = null,
    string? UpdateExpression = null,
    IReadOnlyDictionary<string, string>? Names = null,
    IReadOnlyDictionary<string, AttributeValue>? Values = null,
    bool Transactional = false);
