using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remittance.Domain.Enrichment;

/// <summary>The verdict on one envelope body: either an envelope, or every reason it was refused.</summary>
public sealed class EnvelopeParseResult
{
    private EnvelopeParseResult(RemittanceEnvelope? envelope, JsonElement? element, string? requestId, IReadOnlyList<ValidationError> errors)
    {
        Envelope = envelope;
        Element = element;
        Document = element is { } root ? JsonObject.Create(root) : null;
        RequestId = requestId;
        Errors = errors;
    }

    /// <summary>Non-null exactly when the envelope is valid.</summary>
    public RemittanceEnvelope? Envelope { get; }

    /// <summary>
    /// The body as parsed, unknown fields included (a later minor addition by the publisher survives the store).
    /// Null when the body is not a JSON object, and when it repeats a property name.
    /// </summary>
    public JsonObject? Document { get; }

    /// <inheritdoc cref="PartnerMessageParseResult.Element"/>
    public JsonElement? Element { get; }

    /// <summary><c>data.requestId</c> whenever it is itself valid, even if other fields are not.</summary>
    public string? RequestId { get; }

    /// <summary>Empty exactly when the envelope is valid. Fields are paths such as <c>data.invoices[1].amount</c>.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Envelope), nameof(Document), nameof(RequestId))]
    public bool IsValid => Envelope is not null && Document is not null && RequestId is not null;

    internal static EnvelopeParseResult Valid(RemittanceEnvelope envelope, JsonElement element) =>
        new(envelope, element, envelope.Data.RequestId, []);

    internal static EnvelopeParseResult Invalid(JsonElement? element, string? requestId, IReadOnlyList<ValidationError> errors) =>
        errors.Count > 0
            ? new(null, element, requestId, errors)
            : throw new ArgumentException("An invalid result needs at least one error.", nameof(errors));
}
