namespace Remittance.Pipeline.Schema;

/// <summary>
/// Every attribute name of a remittance item, defined once. Code, the CDK app and the tests use these constants.
/// </summary>
public static class ItemAttributes
{
    public const string RequestId = "requestId";
    public const string Status = "status";
    public const string VersionId = "versionId";
    public const string Attempt = "attempt";
    public const string ExecutionName = "executionName";
    public const string ReceivedAt = "receivedAt";
    public const string UpdatedAt = "updatedAt";
    public const string PayloadHash = "payloadHash";
    public const string SchemaVersion = "schemaVersion";
    public const string PartnerId = "partnerId";
    public const string Message = "message";
    public const string LastError = "lastError";

    // Sparse-index keys: present only while the item needs that attention.
    public const string RetryJob = "retryJob";
    public const string FailedJob = "failedJob";
    public const string RunningJob = "runningJob";

    // Rejection and conflict records.
    public const string Reasons = "reasons";
    public const string RejectedRequestId = "rejectedRequestId";
    public const string ConflictsWith = "conflictsWith";
    public const string ExistingPayloadHash = "existingPayloadHash";
    public const string Body = "body";
    public const string BodyBytes = "bodyBytes";
    public const string BodySha256 = "bodySha256";
    public const string BodyTruncated = "bodyTruncated";
    public const string SqsMessageIds = "sqsMessageIds";
    public const string FirstSeenAt = "firstSeenAt";
    public const string LastSeenAt = "lastSeenAt";
}
