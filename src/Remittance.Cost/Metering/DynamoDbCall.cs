namespace Remittance.Cost.Metering;

/// <summary>One DynamoDB request a function made, as the meter priced it.</summary>
/// <param name="Sequence">Order in which responses arrived (writes to one item are applied in this order).</param>
/// <param name="Site">The function invocation that made it; null for calls made outside any metered invocation.</param>
/// <param name="Operation">The API action, e.g. <c>UpdateItem</c>.</param>
/// <param name="Error">The error type DynamoDB answered with, e.g. <c>ConditionalCheckFailedException</c>.</param>
/// <param name="ReadUnits">Read request units (already halved for eventually consistent reads).</param>
/// <param name="Writes">The item writes it made or attempted.</param>
/// <param name="Unpriced">A data operation this meter cannot price (e.g. PartiQL): its cost is unknown, not zero.</param>
/// <param name="UnpricedReason">Why it could not be priced.</param>
public sealed record DynamoDbCall(
    long Sequence,
    CallSite? Site,
    string Operation,
    string TableName,
    string? IndexName,
    bool Succeeded,
    string? Error,
    TimeSpan Latency,
    decimal ReadUnits,
    IReadOnlyList<ItemWrite> Writes,
    bool Unpriced = false,
    string? UnpricedReason = null)
{
    /// <summary>Table management and description calls: not billed per request.</summary>
    public bool IsControlPlane => IsControlPlaneOperation(Operation);

    public static bool IsControlPlaneOperation(string operation) =>
        operation.StartsWith("Describe", StringComparison.Ordinal) || operation.StartsWith("List", StringComparison.Ordinal)
        || operation is "CreateTable" or "UpdateTable" or "DeleteTable" or "TagResource" or "UntagResource" or "UpdateTimeToLive";

    public int WriteUnits => Writes.Sum(w => w.WriteUnits);

    public int IndexWriteUnits => Writes.Sum(w => w.IndexWriteUnits);
}
