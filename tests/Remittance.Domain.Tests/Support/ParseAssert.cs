namespace Remittance.Domain.Tests.Support;

internal static class ParseAssert
{
    public static PartnerMessage Valid(PartnerMessageParseResult result)
    {
        Assert.True(result.IsValid, "expected a valid message, got: " + Describe(result.Errors));
        Assert.Empty(result.Errors);
        return result.Message;
    }

    /// <summary>Exactly one error, at <paramref name="field"/> with <paramref name="code"/>.</summary>
    public static ValidationError SingleError(PartnerMessageParseResult result, string field, string code)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Message);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Field == field && error.Code == code, $"expected {field} {code}, got: {Describe(result.Errors)}");
        return error;
    }

    public static string Describe(IEnumerable<ValidationError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field} {e.Code}: {e.Message}"));
}
