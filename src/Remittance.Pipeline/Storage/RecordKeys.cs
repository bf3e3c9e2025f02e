using Remittance.Pipeline.Schema;

namespace Remittance.Pipeline.Storage;

/// <summary>
/// Keys of rejection and conflict records. They share the table with remittances under reserved prefixes that no
/// valid request ID may start with, so a corrected message with the same request ID is still accepted later.
/// </summary>
public static class RecordKeys
{
    /// <summary>The key prefix of a rejection with no usable request ID: the rest is the SQS message ID.</summary>
    public const string RejectionBySqsMessageIdPrefix = RemittanceTableSchema.RejectedKeyPrefix + "sqs:";

    public static string Rejection(string? requestId, string sqsMessageId) => requestId is not null
        ? RemittanceTableSchema.RejectedKeyPrefix + requestId
        : RejectionBySqsMessageIdPrefix + sqsMessageId;

    public static string Conflict(string requestId, string payloadHash) =>
        RemittanceTableSchema.ConflictKeyPrefix + requestId + "#" + payloadHash[..Math.Min(16, payloadHash.Length)];
}
