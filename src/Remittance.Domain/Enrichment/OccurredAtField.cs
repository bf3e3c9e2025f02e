using System.Globalization;
using System.Text.RegularExpressions;
using Remittance.Domain.Validation;

namespace Remittance.Domain.Enrichment;

/// <summary><c>occurredAt</c>: an RFC 3339 date-time with an offset (the writer always uses <c>Z</c>), read as UTC.</summary>
internal static partial class OccurredAtField
{
    public static DateTimeOffset? Read(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = EnvelopeFields.OccurredAt;
        if (!fields.TryRequired(Name, errors, out var element) || !StringValue.TryGet(element, Name, errors, out var text))
        {
            return null;
        }

        var match = Shape().Match(text);
        if (!match.Success)
        {
            errors.Add(new ValidationError(Name, ErrorCodes.InvalidFormat,
                $"{Name} {Quote.Text(text)} is not an ISO 8601 date-time in UTC such as 2026-11-21T10:15:05Z"));
            return null;
        }

        if (!match.Groups["offset"].Success)
        {
            errors.Add(new ValidationError(Name, ErrorCodes.MissingUtcOffset,
                $"{Name} must be in UTC, e.g. 2026-11-21T10:15:05Z; got {Quote.Text(text)}"));
            return null;
        }

        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            errors.Add(new ValidationError(Name, ErrorCodes.OutOfRange, $"{Name} {Quote.Text(text)} is not a real date-time"));
            return null;
        }

        return value.ToUniversalTime();
    }

    [GeneratedRegex(
        "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,7})?(?<offset>Z|[+-][0-9]{2}:[0-9]{2})?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Shape();
}
