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
}
