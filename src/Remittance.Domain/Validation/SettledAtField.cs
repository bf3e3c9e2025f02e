using System.Globalization;
using System.Text.RegularExpressions;
using static System.FormattableString;

namespace Remittance.Domain.Validation;

/// <summary>
/// <c>settledAt</c>: an ISO 8601 / RFC 3339 date-time with seconds and an explicit offset. A local time without an
/// offset would be read in whatever zone the reader guesses, so it is refused rather than assumed to be UTC.
/// Up to 9 fractional digits are accepted (Java's Instant prints nanoseconds); digits past the 7th (100 ns) are dropped.
/// </summary>
internal static partial class SettledAtField
{
    private const string Example = "2026-11-21T10:15:00Z";

    public static DateTimeOffset? Read(JsonFields fields, List<ValidationError> errors)
    {
        const string Name = PartnerMessageFields.SettledAt;
        var field = fields.PathOf(Name);
        if (!fields.TryRequired(Name, errors, out var element) || !StringValue.TryGet(element, field, errors, out var text))
        {
            return null;
        }

        // Nearly every partner sends exactly this shape: read it by hand. Anything else, valid or not, goes through the
        // regular expression, which alone decides what is refused and why.
        if (DateTimeParts.TryReadStrict(text, out var parts) && Problem(parts) is null)
        {
            return Build(parts);
        }

        var match = Rfc3339DateTime().Match(text);
        if (!match.Success)
        {
            errors.Add(new ValidationError(field, ErrorCodes.InvalidFormat,
                $"{field} {Quote.Text(text)} is not an ISO 8601 date-time with seconds and a UTC offset, e.g. {Example} or 2026-11-21T11:15:00+01:00"));
            return null;
        }

        if (!match.Groups["offset"].Success)
        {
            errors.Add(new ValidationError(field, ErrorCodes.MissingUtcOffset,
                $"{field} must include a UTC offset, e.g. {Example}; got {Quote.Text(text)}"));
            return null;
        }

        parts = DateTimeParts.From(match);
        if (Problem(parts) is { } problem)
        {
            errors.Add(new ValidationError(field, ErrorCodes.OutOfRange, $"{field} {Quote.Text(text)} is not a real date-time: {problem}"));
            return null;
        }

        return Build(parts);
    }

    private static string? Problem(DateTimeParts parts)
    {
        var (year, month, day) = (parts.Year, parts.Month, parts.Day);
        if (year < 1)
        {
            return "there is no year 0000";
        }

        if (month is < 1 or > 12)
        {
            return Invariant($"month {month:00} does not exist");
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            return Invariant($"{monthName} {year:0000} has no day {day:00}");
        }

        if (parts.Hour > 23 || parts.Minute > 59 || parts.Second > 59)
        {
            return "the time of day must be 00:00:00–23:59:59 (leap seconds are not supported)";
        }

        if (parts.OffsetMinutes > 59 || parts.OffsetHours > 14 || (parts.OffsetHours == 14 && parts.OffsetMinutes > 0))
        {
            return "the UTC offset must be between -14:00 and +14:00";
        }

        var utcTicks = LocalTime(parts).Ticks - Offset(parts).Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            ? "in UTC it falls outside the years 0001–9999"
            : null;
    }

    private static DateTimeOffset Build(DateTimeParts parts) => new(LocalTime(parts), Offset(parts));

    private static DateTime LocalTime(DateTimeParts parts) =>
        new DateTime(parts.Year, parts.Month, parts.Day, parts.Hour, parts.Minute, parts.Second, DateTimeKind.Unspecified)
            .AddTicks(parts.FractionTicks);

    private static TimeSpan Offset(DateTimeParts parts)
    {
        var magnitude = new TimeSpan(parts.OffsetHours, parts.OffsetMinutes, 0);
        return parts.OffsetIsNegative ? -magnitude : magnitude;
    }

    [GeneratedRegex(
        "^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})T(?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})" +
        "(?:\\.(?<fraction>[0-9]{1,9}))?(?<offset>Z|(?<sign>[+-])(?<offsetHours>[0-9]{2}):(?<offsetMinutes>[0-9]{2}))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Rfc3339DateTime();
}
