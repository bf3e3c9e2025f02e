using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using Remittance.Domain;

namespace Remittance.Pipeline.Contracts;

/// <summary>What a service's message contract made of one queue message body.</summary>
/// <param name="RequestId">The request ID when it is itself valid, even if the rest is not.</param>
/// <param name="Document">The whole message (unknown fields included); null when the body is not a JSON object.</param>
/// <param name="PartnerId">Who sent it, stored on the item for queries and metrics.</param>
/// <param name="SchemaVersion">The contract version the message claims.</param>
/// <param name="Errors">Every reason it is invalid; empty when valid.</param>
/// <param name="Identity">
/// What makes two deliveries the same message, hashed to tell a duplicate from a conflict; null means the whole
/// <paramref name="Document"/>. The envelope contract leaves out its <c>occurredAt</c>, so a republished event is a duplicate.
/// </param>
/// <param name="Element">
/// What <paramref name="Document"/> was parsed from, when the contract kept it: the item and the hash are then built
/// from the parsed text without materializing the document's nodes (the same values either way).
/// </param>
public sealed record ParsedMessage(
    string? RequestId,
    JsonObject? Document,
    string? PartnerId,
    string SchemaVersion,
    IReadOnlyList<ValidationError> Errors,
    JsonObject? Identity = null,
    JsonElement? Element = null)
{
    [MemberNotNullWhen(true, nameof(RequestId), nameof(Document))]
    public bool IsValid => Errors.Count == 0 && RequestId is not null && Document is not null;
}
