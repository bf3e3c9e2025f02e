using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remittance.Domain;

/// <summary>The verdict on one message body: either a message, or every reason it was refused.</summary>
public sealed class PartnerMessageParseResult
{
    private PartnerMessageParseResult(
        PartnerMessage? message,
        JsonElement? element,
        string? requestId,
        IReadOnlyList<ValidationError> errors)
    {
        Message = message;
        Element = element;
        Document = element is { } root ? JsonObject.Create(root) : null;
        RequestId = requestId;
        Errors = errors;
    }

    /// <summary>Non-null exactly when the message is valid.</summary>
    public PartnerMessage? Message { get; }

    /// <summary>
    /// The body as parsed, unknown fields included. Null when the body is not a JSON object, and when it repeats a
    /// property name, which a <see cref="JsonObject"/> cannot hold.
    /// </summary>
    public JsonObject? Document { get; }

    /// <summary>
    /// What <see cref="Document"/> was made from: the same JSON, readable (hashed, copied into an item) without
    /// building its nodes. Null exactly when <see cref="Document"/> is.
    /// </summary>
    public JsonElement? Element { get; }

    /// <summary>The request ID whenever it is itself valid, even if other fields are not (so rejections can be keyed by it).</summary>
    public string? RequestId { get; }

    /// <summary>Empty exactly when the message is valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Message), nameof(Document), nameof(RequestId))]
    public bool IsValid => Message is not null && Document is not null && RequestId is not null;

    internal static PartnerMessageParseResult Valid(PartnerMessage message, JsonElement element) =>
        new(message, element, message.RequestId, []);

    internal static PartnerMessageParseResult Invalid(
        JsonElement? element,
        string? requestId,
        IReadOnlyList<ValidationError> errors) =>
        errors.Count > 0
            ? new(null, element, requestId, errors)
            : throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));
}
