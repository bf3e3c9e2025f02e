using System.Globalization;

namespace Remittance.Domain.Enrichment;

/// <summary>Date-times and dates on the envelope: RFC 3339 / ISO 8601, written the same way every time.</summary>
internal static class WireTime
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";

    /// <summary>Keeps the offset as given (a settlement time is the bank's local time); a zero offset is written <c>Z</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.ToString(DateTimeFormat, CultureInfo.InvariantCulture) + "Z"
            : value.ToString(DateTimeFormat + "zzz", CultureInfo.InvariantCulture);

    public static string FormatUtc(DateTimeOffset value) => Format(value.ToUniversalTime());

    public static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
