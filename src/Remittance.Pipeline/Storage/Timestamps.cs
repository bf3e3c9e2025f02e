namespace Remittance.Pipeline.Storage;

/// <summary>All stored timestamps: UTC, ISO 8601, millisecond precision, 'Z' suffix.</summary>
public static class Timestamps
{
    private const int Length = 24;

    /// <summary>
    /// <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> in UTC, milliseconds truncated: what the custom format string
    /// <c>yyyy-MM-dd'T'HH:mm:ss.fff'Z'</c> gives, written digit by digit because every item and log line needs one.
    /// </summary>
    public static string Format(DateTimeOffset instant) => string.Create(Length, instant.UtcDateTime, static (text, time) =>
    {
        Digits(text[..4], time.Year);
        text[4] = '-';
        Digits(text.Slice(5, 2), time.Month);
        text[7] = '-';
        Digits(text.Slice(8, 2), time.Day);
        text[10] = 'T';
        Digits(text.Slice(11, 2), time.Hour);
        text[13] = ':';
        Digits(text.Slice(14, 2), time.Minute);
        text[16] = ':';
        Digits(text.Slice(17, 2), time.Second);
        text[19] = '.';
        Digits(text.Slice(20, 3), time.Millisecond);
        text[23] = 'Z';
    });

    private static void Digits(Span<char> destination, int value)
    {
        for (var index = destination.Length - 1; index >= 0; index--)
        {
            destination[index] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
