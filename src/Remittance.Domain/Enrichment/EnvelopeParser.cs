using System.Text.Json;
using Remittance.Domain.Parsing;
using Remittance.Domain.Validation;

namespace Remittance.Domain.Enrichment;

/// <summary>
/// The notification service's ingest contract: reads one SQS message body into a <see cref="RemittanceEnvelope"/>, or
/// into every reason it cannot be one (field paths and codes as for partner messages). Never throws for bad input.
/// <para>
/// The SNS → SQS subscription uses raw message delivery, so the body is the envelope itself; an SNS notification
/// wrapper (<c>{"Type":"Notification","Message":"…"}</c>) is refused like any other object without the envelope's
/// fields, because accepting both would hide a misconfigured subscription.
/// </para>
/// <para>
/// Only <c>eventType</c> <c>remittance.enriched</c> with <c>eventVersion</c> <c>"1"</c> is read; for any other version
/// the data is not interpreted (only its request ID is picked up, to key the rejection). Unknown properties are
/// allowed anywhere and kept in <see cref="EnvelopeParseResult.Document"/>.
/// </para>
/// </summary>
public static class EnvelopeParser
{
    public static EnvelopeParseResult Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return EnvelopeParseResult.Invalid(null, null,
                [new ValidationError(JsonPath.Root, ErrorCodes.EmptyBody, "the body is empty; expected a remittance.enriched envelope")]);
        }

        if (!BodyScanner.TryRead(body, out var root, out var namesMayRepeat, out var error))
        {
            return EnvelopeParseResult.Invalid(null, null, [error]);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return EnvelopeParseResult.Invalid(null, null,
                [new ValidationError(JsonPath.Root, ErrorCodes.NotAnObject, $"the body must be a JSON object; got {Quote.Describe(root)}")]);
        }

        var errors = new List<ValidationError>();
        if (namesMayRepeat)
        {
            DuplicateProperties.Find(root, errors);
        }

        JsonElement? document = errors.Count == 0 ? root : null;

        var fields = new JsonFields(root, JsonPath.Root, namesMayRepeat);
        var eventId = EventId(fields, errors);
        var supported = Constant(fields, EnvelopeFields.EventType, RemittanceEnvelope.Type, EnvelopeErrorCodes.UnsupportedEventType, errors);
        supported &= Constant(fields, EnvelopeFields.EventVersion, RemittanceEnvelope.Version, EnvelopeErrorCodes.UnsupportedEventVersion, errors);
        var occurredAt = OccurredAtField.Read(fields, errors);

        EnrichedRemittance? data = null;
        string? requestId = null;
        if (DataFields(fields, errors) is { } dataFields)
        {
            (data, requestId) = supported
                ? EnrichedDataReader.Read(dataFields, errors)
                : (null, EnrichedDataReader.RequestIdOnly(dataFields));
        }

        if (eventId is { } id && requestId is not null && id != RemittanceEnvelope.EventIdFor(requestId))
        {
            errors.Add(new ValidationError(EnvelopeFields.EventId, EnvelopeErrorCodes.EventIdMismatch,
                $"{EnvelopeFields.EventId} '{id:D}' is not the ID derived from data.requestId ('{RemittanceEnvelope.EventIdFor(requestId):D}'); " +
                "event IDs are derived so that a republished event keeps its ID"));
        }

        return errors.Count == 0 && document is { } element && eventId is { } validId && occurredAt is { } validTime && data is not null
            ? EnvelopeParseResult.Valid(new RemittanceEnvelope(validId, validTime, data), element)
            : EnvelopeParseResult.Invalid(document, requestId, errors);
    }

    private static Guid? EventId(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = EnvelopeFields.EventId;
        if (!fields.TryRequired(Name, errors, out var element) || !StringValue.TryGet(element, Name, errors, out var text))
        {
            return null;
        }

        if (!Guid.TryParseExact(text, "D", out var id))
        {
            errors.Add(new ValidationError(Name, ErrorCodes.InvalidFormat,
                $"{Name} {Quote.Text(text)} is not a UUID such as '{RemittanceEnvelope.EventIdFor("example"):D}'"));
            return null;
        }

        return id;
    }

    /// <summary>False only when the property holds a string other than <paramref name="expected"/>.</summary>
    private static bool Constant(JsonFields fields, string name, string expected, string code, List<ValidationError> errors)
    {
        if (!fields.TryRequired(name, errors, out var element) || !StringValue.TryGet(element, name, errors, out var text))
        {
            return true;
        }

        if (text != expected)
        {
            errors.Add(new ValidationError(name, code, $"{name} {Quote.Text(text)} is not supported; expected '{expected}'"));
            return false;
        }

        return true;
    }

    private static JsonFields? DataFields(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = EnvelopeFields.Data;
        if (!fields.TryRequired(Name, errors, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(Name, ErrorCodes.WrongType, $"{Name} must be an object; got {Quote.Describe(element)}"));
            return null;
        }

        return new JsonFields(element, Name, fields.NamesMayRepeat);
    }
}
