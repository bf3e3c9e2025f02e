using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

public sealed class SettledAtTests
{
    [Theory]
    [InlineData("2026-11-21T10:15:00Z", "2026-11-21T10:15:00.0000000+00:00")]
    [InlineData("2026-11-21T11:15:00+01:00", "2026-11-21T11:15:00.0000000+01:00")]
    [InlineData("2026-11-21T05:15:00-05:00", "2026-11-21T05:15:00.0000000-05:00")]
    [InlineData("2026-11-21T15:45:00+05:30", "2026-11-21T15:45:00.0000000+05:30")]
    [InlineData("2026-11-21T10:15:00.5Z", "2026-11-21T10:15:00.5000000+00:00")]
    [InlineData("2026-11-21T10:15:00.123456789Z", "2026-11-21T10:15:00.1234567+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999+00:00")]
    public void Parse_WhenSettledAtHasAnOffset_KeepsTheInstantAndTheOffset(string settledAt, string expected)
    {
        var message = ParseAssert.Valid(PartnerMessageParser.Parse(ValidMessage.With("settledAt", $"\"{settledAt}\"")));

        Assert.Equal(expected, message.SettledAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_WhenSettledAtHasNoOffset_SaysAnOffsetIsRequired()
    {
        var error = ParseAssert.SingleError(
            PartnerMessageParser.Parse(ValidMessage.With("settledAt", "\"2026-11-21T10:15:00\"")), "settledAt", ErrorCodes.MissingUtcOffset);

        Assert.Equal("settledAt must include a UTC offset, e.g. 2026-11-21T10:15:00Z; got '2026-11-21T10:15:00'", error.Message);
    }

    [Fact]
    public void Parse_WhenSettledAtIsNotARealDay_SaysWhy()
    {
        var error = ParseAssert.SingleError(
            PartnerMessageParser.Parse(ValidMessage.With("settledAt", "\"2026-02-29T10:15:00Z\"")), "settledAt", ErrorCodes.OutOfRange);

        Assert.Equal("settledAt '2026-02-29T10:15:00Z' is not a real date-time: February 2026 has no day 29", error.Message);
    }

    // Common shapes are read by hand and the rest by the regular expression; both must agree on every value and verdict.
    [Theory]
    [InlineData("2026-11-21T10:15:00Z\n", "2026-11-21T10:15:00.0000000+00:00")]
    [InlineData("2026-11-21T10:15:00.1234567890Z", null)]
    [InlineData("2026-11-21T10:15:00.Z", null)]
    [InlineData("2026-11-21T10:15:00z", null)]
    [InlineData("2026-11-21t10:15:00Z", null)]
    [InlineData("2026-11-21T10:15:00+01:00\n", "2026-11-21T10:15:00.0000000+01:00")]
    [InlineData("2026-11-21T10:15:00+01:00 ", null)]
    [InlineData("2026-11-21T10:15:00+01", null)]
    [InlineData("２026-11-21T10:15:00Z", null)]
    [InlineData("2026-11-21T10:15:00.0000001-14:00", "2026-11-21T10:15:00.0000001-14:00")]
    public void Parse_WhenSettledAtIsAlmostTheUsualShape_ReadsItAsTheRegularExpressionDoes(string settledAt, string? expected)
    {
        var result = PartnerMessageParser.Parse(ValidMessage.With("settledAt", System.Text.Json.JsonSerializer.Serialize(settledAt)));

        if (expected is null)
        {
            ParseAssert.SingleError(result, "settledAt", ErrorCodes.InvalidFormat);
        }
        else
        {
            Assert.Equal(expected, ParseAssert.Valid(result).SettledAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Parse_WhenSettledAtIsAnyDateTimeOfTheUsualShape_KeepsEveryPart()
    {
        var random = new Random(20261204);
        for (var round = 0; round < 2000; round++)
        {
            var (year, month, day) = (random.Next(0, 10000), random.Next(0, 14), random.Next(0, 33));
            var (hour, minute, second) = (random.Next(0, 25), random.Next(0, 61), random.Next(0, 61));
            var fraction = random.Next(3) == 0 ? string.Empty : "." + random.NextInt64(0, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture)[..random.Next(1, 10)];
            var (offsetHours, offsetMinutes) = (random.Next(0, 16), random.Next(0, 61));
            var negative = random.Next(2) == 0;
            var offset = $"{(negative ? '-' : '+')}{offsetHours:00}:{offsetMinutes:00}";
            if (random.Next(3) == 0)
            {
                (offset, offsetHours, offsetMinutes) = ("Z", 0, 0);
            }

            var text = $"{year:0000}-{month:00}-{day:00}T{hour:00}:{minute:00}:{second:00}{fraction}{offset}";

            var result = PartnerMessageParser.Parse(ValidMessage.With("settledAt", $"\"{text}\""));

            var expected = Expected(year, month, day, hour, minute, second, fraction, offset == "Z" ? TimeSpan.Zero
                : (negative ? -1 : 1) * new TimeSpan(offsetHours, offsetMinutes, 0), offsetHours, offsetMinutes);
            if (expected is { } instant)
            {
                Assert.Equal((instant, instant.Offset), (ParseAssert.Valid(result).SettledAt, ParseAssert.Valid(result).SettledAt.Offset));
            }
            else
            {
                ParseAssert.SingleError(result, "settledAt", ErrorCodes.OutOfRange);
            }
        }
    }

    private static DateTimeOffset? Expected(int year, int month, int day, int hour, int minute, int second, string fraction, TimeSpan offset, int offsetHours, int offsetMinutes)
    {
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || offsetMinutes > 59 || offsetHours > 14 || (offsetHours == 14 && offsetMinutes > 0))
        {
            return null;
        }

        var ticks = fraction.Length == 0 ? 0 : int.Parse(fraction[1..].PadRight(7, '0')[..7], System.Globalization.CultureInfo.InvariantCulture);
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        var utcTicks = local.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks ? null : new DateTimeOffset(local, offset);
    }
}
