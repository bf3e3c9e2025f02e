namespace Remittance.Bench.EndToEnd;

/// <summary>
/// The DynamoDB and DynamoDB Streams calls of two counted pipeline runs of different sizes; their difference divided
/// by the difference in remittances is the marginal count per remittance, with table set-up and invoice seeding
/// (the same in both runs) cancelled out.
/// </summary>
public sealed record OperationCount(int SmallRun, IReadOnlyDictionary<string, int> Small, int LargeRun, IReadOnlyDictionary<string, int> Large)
{
    /// <summary>Reads and writes of items: the work DynamoDB does for the remittances themselves.</summary>
    public static readonly IReadOnlySet<string> ItemOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "PutItem", "UpdateItem", "DeleteItem", "GetItem", "BatchGetItem", "BatchWriteItem", "Query", "TransactWriteItems", "TransactGetItems",
    };

    /// <summary>The stream function's event source: polling cost that depends on how often the poller looks, not on the remittance.</summary>
    public static readonly IReadOnlySet<string> StreamOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "DescribeStream", "GetRecords", "GetShardIterator", "ListStreams",
    };

    public IEnumerable<string> Operations => Small.Keys.Union(Large.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public double PerRemittance(string operation) =>
        (double)(Large.GetValueOrDefault(operation) - Small.GetValueOrDefault(operation)) / (LargeRun - SmallRun);

    public double ItemOperationsPerRemittance => Operations.Where(ItemOperations.Contains).Sum(PerRemittance);

    public string Kind(string operation) =>
        ItemOperations.Contains(operation) ? "item" : StreamOperations.Contains(operation) ? "stream" : "other";
}
