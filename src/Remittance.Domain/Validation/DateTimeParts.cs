using System.Globalization;
using System.Text.RegularExpressions;

namespace Remittance.Domain.Validation;

/// <summary>The numbers of a <c>settledAt</c> date-time, as written (not yet checked to be a real instant).</summary>
internal readonly record struct DateTimeParts(
    int Year,
    int Month,
    int Day,
    int Hour,
    int Minute,
    int Second,
    int FractionTicks,
    bool OffsetIsNegative,
    int OffsetHours,
    int OffsetMinutes)
{
    private const int TicksDigits = 7;

    /// <summary>From a match of <c>SettledAtField</c>'s expression that has an offset ('Z' reads as +00:00).</summary>
    public static DateTimeParts From(Match match) => new(
        Number(match, "year"), Number(match, "month"), Number(match, "day"),
        Number(match, "hour"), Number(match, "minute"), Number(match, "second"),
        match.Groups["fraction"] is { Success: true } fraction
            ? int.Parse(fraction.Value.PadRight(TicksDigits, '0').AsSpan(0, TicksDigits), NumberStyles.None, CultureInfo.InvariantCulture)
            : 0,
        match.Groups["sign"].Value == "-",
        Number(match, "offsetHours"), Number(match, "offsetMinutes"));

    /// <summary>
    /// Reads exactly <c>YYYY-MM-DDTHH:MM:SS</c>, an optional fraction of 1–9 digits, and <c>Z</c> or <c>±HH:MM</c>, with
    /// nothing after: a strict subset of what the expression accepts, read into the same numbers. False for anything
    /// else, which is then left to the expression.
    /// </summary>
    public static bool TryReadStrict(string text, out DateTimeParts parts)
    {
        parts = default;
        var s = text.AsSpan();
        if (s.Length < 20
            || !TryDigits(s, 0, 4, out var year) || s[4] != '-' || !TryDigits(s, 5, 2, out var month) || s[7] != '-'
            || !TryDigits(s, 8, 2, out var day) || s[10] != 'T' || !TryDigits(s, 11, 2, out var hour) || s[13] != ':'
            || !TryDigits(s, 14, 2, out var minute) || s[16] != ':' || !TryDigits(s, 17, 2, out var second))
        {
            return false;
        }

        var index = 19;
        var ticks = 0;
        if (s[index] == '.')
        {
            var digits = s[(index + 1)..];
            var count = digits.IndexOfAnyExceptInRange('0', '9');
            count = count < 0 ? digits.Length : count;
            if (count is 0 or > 9)
            {
                return false;
            }

            for (var digit = 0; digit < TicksDigits; digit++)
            {
                ticks = (ticks * 10) + (digit < count ? digits[digit] - '0' : 0);
            }

            index += 1 + count;
        }

        var offset = s[index..];
        if (offset is "Z")
        {
            parts = new DateTimeParts(year, month, day, hour, minute, second, ticks, false, 0, 0);
            return true;
        }

        if (offset.Length != 6 || offset[0] is not ('+' or '-') || !TryDigits(offset, 1, 2, out var offsetHours) || offset[3] != ':'
            || !TryDigits(offset, 4, 2, out var offsetMinutes))
        {
            return false;
        }

        parts = new DateTimeParts(year, month, day, hour, minute, second, ticks, offset[0] == '-', offsetHours, offsetMinutes);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int length, out int value)
    {
        value = 0;
        foreach (var c in text.Slice(start, length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static int Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
}
