using System.Text.Json.Nodes;

namespace Remittance.Pipeline.Storage;

/// <summary>A message whose request ID is taken by a different payload.</summary>
public sealed record Conflict(
    string Key,
    string RequestId,
    string SqsMessageId,
    string PayloadHash,
    string? ExistingPayloadHash,
    JsonObject Document,
    string Body);
