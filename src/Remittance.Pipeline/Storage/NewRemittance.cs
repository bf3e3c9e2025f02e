using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Storage;

/// <summary>A remittance item ready for its first (conditional) write.</summary>
public sealed record NewRemittance(
    string RequestId,
    string ExecutionName,
    string PayloadHash,
    Dictionary<string, AttributeValue> Item,
    int SizeBytes);
