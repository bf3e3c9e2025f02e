using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Schema;

/// <summary>
/// The remittance table, defined once: one item per request ID (partition key, no sort key), a stream with new and
/// old images, and three sparse GSIs holding only items that need attention. Both services (enrichment and
/// notification) use this same schema under their own table name.
/// </summary>
public static class RemittanceTableSchema
{
    public const string PartitionKey = ItemAttributes.RequestId;

    /// <summary>Prefixes of the keys used for rejection and conflict records, which share the table.</summary>
    public const string RejectedKeyPrefix = "REJECTED#";
    public const string ConflictKeyPrefix = "CONFLICT#";

    public static readonly SparseIndex RetryIndex =
        new("retry-index", ItemAttributes.RetryJob, "failed runs with attempts left; the sweeper re-drives them");

    public static readonly SparseIndex FailedIndex =
        new("failed-index", ItemAttributes.FailedJob, "runs that reached the retry threshold; re-driven only on request");

    public static readonly SparseIndex RunningIndex =
        new("running-index", ItemAttributes.RunningJob, "runs to watch for getting stuck; reconciled by the sweeper");

    public static IReadOnlyList<SparseIndex> SparseIndexes { get; } = [RetryIndex, FailedIndex, RunningIndex];

    /// <summary>DynamoDB's hard item-size limit (400 KB, attribute names included).</summary>
    public const int MaxItemBytes = 400 * 1024;

    /// <summary>
    /// Room every remittance item keeps for what its workflow records on it when it succeeds (the enriched envelope or
    /// the rendered notification, the status and error attributes): ingest accepts no item larger than
    /// <see cref="MaxAcceptedItemBytes"/>, so the final update can never exceed DynamoDB's limit. The same room is kept
    /// in the execution input for the results the states add (WorkflowInput).
    /// </summary>
    public const int WorkflowResultHeadroomBytes = 64 * 1024;

    /// <summary>The largest item ingest stores: DynamoDB's limit less the workflow's headroom (336 KB).</summary>
    public const int MaxAcceptedItemBytes = MaxItemBytes - WorkflowResultHeadroomBytes;

    /// <summary>The table definition, used by the local host and the tests to create the table.</summary>
    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new KeySchemaElement(PartitionKey, KeyType.HASH)],
        AttributeDefinitions =
        [
            new AttributeDefinition(PartitionKey, ScalarAttributeType.S),
            .. SparseIndexes.Select(index => new AttributeDefinition(index.KeyAttribute, ScalarAttributeType.S)),
        ],
        // KEYS_ONLY: an index entry costs one small write when it appears and one when it goes; the sweeper reads
        // the item itself (consistently) before claiming it, so projecting more would only add write cost.
        GlobalSecondaryIndexes = [.. SparseIndexes.Select(index => new GlobalSecondaryIndex
        {
            IndexName = index.IndexName,
            KeySchema = [new KeySchemaElement(index.KeyAttribute, KeyType.HASH)],
            Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
        })],
        StreamSpecification = new StreamSpecification
        {
            StreamEnabled = true,
            StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES,
        },
    };
}
