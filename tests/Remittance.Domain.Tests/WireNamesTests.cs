namespace Remittance.Domain.Tests;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(RemittanceStatus.Received, "RECEIVED")]
    [InlineData(RemittanceStatus.Running, "RUNNING")]
    [InlineData(RemittanceStatus.Enriched, "ENRICHED")]
    [InlineData(RemittanceStatus.Notified, "NOTIFIED")]
    [InlineData(RemittanceStatus.Failed, "FAILED")]
    [InlineData(RemittanceStatus.Rejected, "REJECTED")]
    [InlineData(RemittanceStatus.Conflict, "CONFLICT")]
    public void ToWire_WhenStatusIsDefined_RoundTrips(RemittanceStatus status, string wire)
    {
        Assert.Equal(wire, status.ToWire());
        Assert.True(WireNames.TryParseStatus(wire, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Fact]
    public void ToWire_WhenEnumsAreDefined_UsesThePinnedContractValues()
    {
        Assert.Equal(["SETTLED", "RETURNED", "REJECTED"], WireNames.AllOf<PaymentOutcome>(WireNames.ToWire));
        Assert.Equal(["ACH", "WIRE", "SEPA", "SWIFT", "RTP", "CHECK"], WireNames.AllOf<PaymentMethod>(WireNames.ToWire));
        Assert.Equal(["BUSINESS", "INDIVIDUAL"], WireNames.AllOf<PayeeType>(WireNames.ToWire));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("received")]
    [InlineData("Received")]
    [InlineData(" RECEIVED")]
    [InlineData("0")]
    public void TryParseStatus_WhenTextIsNotAnExactWireName_ReturnsFalse(string? text)
    {
        Assert.False(WireNames.TryParseStatus(text, out _));
    }

    [Fact]
    public void ToWire_WhenValueIsUndefined_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((RemittanceStatus)99).ToWire());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((PaymentMethod)99).ToWire());
    }

    [Fact]
    public void TryParse_WhenGivenEachWireName_FindsTheMember()
    {
        Assert.True(WireNames.TryParseOutcome("RETURNED", out var outcome));
        Assert.Equal(PaymentOutcome.Returned, outcome);
        Assert.True(WireNames.TryParsePaymentMethod("SWIFT", out var method));
        Assert.Equal(PaymentMethod.Swift, method);
        Assert.True(WireNames.TryParsePayeeType("INDIVIDUAL", out var type));
        Assert.Equal(PayeeType.Individual, type);
    }
}
