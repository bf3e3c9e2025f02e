using System.Globalization;

namespace Remittance.Pipeline.Storage;

/// <summary>All stored timestamps: UTC, ISO 8601, millisecond precision, 'Z' suffix.</summary>
public static class Timestamps
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
