namespace Remittance.Domain.Tests;

public sealed class ErrorCodesTests
{
    [Fact]
    public void ErrorCodes_Always_AreDistinctAndUpperSnakeCase()
    {
        var codes = typeof(ErrorCodes).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.NotEmpty(codes);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches("^[A-Z]+(_[A-Z]+)*$", code));
    }
}
