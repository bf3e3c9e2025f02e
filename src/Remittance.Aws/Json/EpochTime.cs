using System.Globalization;
using System.Text.Json;

namespace Remittance.Aws.Json;

/// <summary>
/// AWS JSON APIs and events carry instants as Unix epoch numbers, in seconds (often fractional) or milliseconds.
/// Decimal arithmetic keeps the sub-second digits exact, which a double would round.
/// </summary>
internal static class EpochTime
{
    public static DateTime FromSeconds(decimal seconds) =>
        DateTime.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));

    public static decimal ToSeconds(DateTime value) =>
        (decimal)(ToUtc(value) - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerSecond;

    public static DateTime FromMilliseconds(decimal milliseconds) =>
        DateTime.UnixEpoch.AddTicks((long)decimal.Round(milliseconds * TimeSpan.TicksPerMillisecond, MidpointRounding.AwayFromZero));

    public static decimal ToMilliseconds(DateTime value) =>
        (decimal)(ToUtc(value) - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond;

    /// <summary>Reads a JSON number, or a string holding one (some producers quote epoch values).</summary>
    public static decimal ReadNumber(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Number => reader.GetDecimal(),
        JsonTokenType.String when decimal.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new JsonException($"Expected an epoch number but found {reader.TokenType}."),
    };

    /// <summary>Writes the shortest exact form: integral values without a fraction, others without trailing zeros.</summary>
    public static void WriteNumber(Utf8JsonWriter writer, decimal value)
    {
        var text = value.ToString("0.#############", CultureInfo.InvariantCulture);
        writer.WriteRawValue(text, skipInputValidation: false);
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        // Unspecified values built by callers are taken as UTC: every timestamp in these contracts is UTC.
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
