using System.Text.Json;
using Remittance.Domain.Parsing;
using Remittance.Domain.Validation;

namespace Remittance.Domain;

/// <summary>
/// Reads a partner's queue message body into a <see cref="PartnerMessage"/>, or into every reason it cannot be one.
/// Never throws for bad input: whatever a partner sends ends as a result.
/// </summary>
public static class PartnerMessageParser
{
    /// <summary>How deep objects and arrays may nest, the whole body counting as the first level.</summary>
    public const int MaxDepth = 64;

    public const string SupportedSchemaVersion = "1";

    public static PartnerMessageParseResult Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return PartnerMessageParseResult.Invalid(null, null,
                [new ValidationError(JsonPath.Root, ErrorCodes.EmptyBody, "the body is empty; expected a JSON object")]);
        }

        if (!BodyScanner.TryRead(body, out var root, out var namesMayRepeat, out var error))
        {
            return PartnerMessageParseResult.Invalid(null, null, [error]);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return PartnerMessageParseResult.Invalid(null, null,
                [new ValidationError(JsonPath.Root, ErrorCodes.NotAnObject, $"the body must be a JSON object; got {Quote.Describe(root)}")]);
        }

        var errors = new List<ValidationError>();
        if (namesMayRepeat)
        {
            DuplicateProperties.Find(root, errors);
        }

        JsonElement? document = errors.Count == 0 ? root : null;
        var (message, requestId) = MessageValidator.Validate(root, errors, namesMayRepeat);

        return message is not null && document is { } element && errors.Count == 0
            ? PartnerMessageParseResult.Valid(message, element)
            : PartnerMessageParseResult.Invalid(document, requestId, errors);
    }
}
