namespace Remittance.Domain.Tests;

public sealed class Iso3166Tests
{
    [Theory]
    [InlineData("US")]
    [InlineData("DE")]
    [InlineData("JP")]
    [InlineData("BR")]
    [InlineData("AX")]
    [InlineData("AQ")]
    [InlineData("BQ")]
    [InlineData("SS")]
    [InlineData("XK")]
    public void IsAlpha2_WhenCodeIsAssigned_IsTrue(string code)
    {
        Assert.True(Iso3166.IsAlpha2(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("us")]
    [InlineData("USA")]
    [InlineData("UK")]
    [InlineData("EU")]
    [InlineData("ZZ")]
    [InlineData("AN")]
    [InlineData("YU")]
    public void IsAlpha2_WhenCodeIsNotAnAssignedUpperCaseCode_IsFalse(string? code)
    {
        Assert.False(Iso3166.IsAlpha2(code));
    }

    [Fact]
    public void All_Always_HoldsThe249OfficialCodesPlusKosovo()
    {
        Assert.Equal(250, Iso3166.All.Count);
        Assert.Equal(250, Iso3166.All.Distinct().Count());
        Assert.All(Iso3166.All, code => Assert.Matches("^[A-Z]{2}$", code));
        Assert.Contains("XK", Iso3166.All);
    }
}
