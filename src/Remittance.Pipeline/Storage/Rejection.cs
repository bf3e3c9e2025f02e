using Remittance.Domain;

namespace Remittance.Pipeline.Storage;

/// <summary>A message that can never become a remittance, with every reason why.</summary>
public sealed record Rejection(string Key, string? RequestId, string SqsMessageId, string Body, IReadOnlyList<ValidationError> Reasons);
