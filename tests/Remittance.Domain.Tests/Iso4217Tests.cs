namespace Remittance.Domain.Tests;

public sealed class Iso4217Tests
{
    [Theory]
    [InlineData("USD", 840, 2, "US Dollar")]
    [InlineData("EUR", 978, 2, "Euro")]
    [InlineData("JPY", 392, 0, "Yen")]
    [InlineData("KRW", 410, 0, "Won")]
    [InlineData("ISK", 352, 0, "Iceland Krona")]
    [InlineData("BHD", 48, 3, "Bahraini Dinar")]
    [InlineData("IQD", 368, 3, "Iraqi Dinar")]
    [InlineData("JOD", 400, 3, "Jordanian Dinar")]
    [InlineData("KWD", 414, 3, "Kuwaiti Dinar")]
    [InlineData("LYD", 434, 3, "Libyan Dinar")]
    [InlineData("OMR", 512, 3, "Rial Omani")]
    [InlineData("TND", 788, 3, "Tunisian Dinar")]
    [InlineData("CLF", 990, 4, "Unidad de Fomento")]
    [InlineData("UYW", 927, 4, "Unidad Previsional")]
    [InlineData("XCG", 532, 2, "Caribbean Guilder")]
    [InlineData("ZWG", 924, 2, "Zimbabwe Gold")]
    [InlineData("SLE", 925, 2, "Leone")]
    [InlineData("VED", 926, 2, "Bolívar Soberano")]
    public void TryGet_WhenCodeIsActive_ReturnsItsIsoData(string code, int numeric, int minorUnits, string name)
    {
        Assert.True(Iso4217.TryGet(code, out var currency));
        Assert.Equal(new CurrencyInfo(code, numeric, minorUnits, name), currency);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("usd")]
    [InlineData("ABC")]
    [InlineData("XAU")]
    [InlineData("XAG")]
    [InlineData("XPT")]
    [InlineData("XPD")]
    [InlineData("XBA")]
    [InlineData("XBD")]
    [InlineData("XDR")]
    [InlineData("XSU")]
    [InlineData("XUA")]
    [InlineData("XTS")]
    [InlineData("XXX")]
    [InlineData("HRK")]
    [InlineData("ANG")]
    [InlineData("BGN")]
    [InlineData("ZWL")]
    [InlineData("SLL")]
    [InlineData("CUC")]
    public void TryGet_WhenCodeIsNotAnActiveCurrencyWithMinorUnits_ReturnsFalse(string? code)
    {
        Assert.False(Iso4217.TryGet(code, out var currency));
        Assert.Null(currency);
    }

    [Fact]
    public void All_Always_HoldsEveryActiveCurrencyOnce()
    {
        Assert.Equal(165, Iso4217.All.Count);
        Assert.Equal(Iso4217.All.Count, Iso4217.All.Select(c => c.Code).Distinct().Count());
        Assert.Equal(Iso4217.All.Count, Iso4217.All.Select(c => c.NumericCode).Distinct().Count());
        Assert.Equal(Iso4217.All.Select(c => c.Code).Order(StringComparer.Ordinal), Iso4217.All.Select(c => c.Code));
    }

    [Fact]
    public void All_Always_HasWellFormedCodesAndKnownMinorUnits()
    {
        Assert.All(Iso4217.All, c =>
        {
            Assert.Matches("^[A-Z]{3}$", c.Code);
            Assert.InRange(c.NumericCode, 1, 999);
            Assert.Contains(c.MinorUnits, new[] { 0, 2, 3, 4 });
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
        });
        Assert.Equal(17, Iso4217.All.Count(c => c.MinorUnits == 0));
        Assert.Equal(7, Iso4217.All.Count(c => c.MinorUnits == 3));
        Assert.Equal(["CLF", "UYW"], Iso4217.All.Where(c => c.MinorUnits == 4).Select(c => c.Code));
    }

    [Theory]
    [InlineData("HRK", "EUR")]
    [InlineData("ANG", "XCG")]
    [InlineData("ZWL", "ZWG")]
    public void TryGetReplacement_WhenCodeWasWithdrawn_NamesAnActiveCurrency(string withdrawn, string replacement)
    {
        Assert.True(Iso4217.TryGetReplacement(withdrawn, out var actual));
        Assert.Equal(replacement, actual);
        Assert.True(Iso4217.TryGet(actual, out _));
    }
}
