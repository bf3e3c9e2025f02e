namespace Remittance.Domain.Tests;

public sealed class RequestIdsTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("acme-bank-2026-11-21-000001")]
    [InlineData("請求書 #42")]
    [InlineData("REJECTED-but-no-hash")]
    [InlineData("x-REJECTED#inside-is-fine")]
    public void Validate_WhenIdIsUsable_ReturnsNull(string id)
    {
        Assert.Null(RequestIds.Validate(id));
    }

    [Fact]
    public void Validate_WhenIdIs128Emoji_CountsCodePointsNotUtf16Units()
    {
        var id = string.Concat(Enumerable.Repeat("💸", RequestIds.MaxLength));

        Assert.Equal(256, id.Length);
        Assert.Null(RequestIds.Validate(id));
        Assert.Equal(ErrorCodes.OutOfRange, RequestIds.Validate(id + "💸")?.Code);
    }

    [Theory]
    [InlineData(null, ErrorCodes.MissingField)]
    [InlineData("", ErrorCodes.OutOfRange)]
    [InlineData(" ", ErrorCodes.SurroundingWhitespace)]
    [InlineData("\u3000", ErrorCodes.SurroundingWhitespace)]
    [InlineData("abc\n", ErrorCodes.InvalidCharacter)]
    [InlineData("a\uFFFF", ErrorCodes.InvalidCharacter)]
    [InlineData("REJECTED#", ErrorCodes.ReservedPrefix)]
    [InlineData("CONFLICT#x", ErrorCodes.ReservedPrefix)]
    public void Validate_WhenIdBreaksARule_ReportsIt(string? id, string code)
    {
        var error = RequestIds.Validate(id);

        Assert.NotNull(error);
        Assert.Equal("requestId", error.Field);
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData('\uD800', "b")]
    [InlineData('\uDC00', "")]
    public void Validate_WhenIdHasAnUnpairedSurrogate_ReportsAnInvalidCharacter(char surrogate, string after)
    {
        // Built at run time: attribute arguments cannot carry unpaired surrogates (they are stored as UTF-8).
        var error = RequestIds.Validate("a" + surrogate + after);

        Assert.Equal(ErrorCodes.InvalidCharacter, error?.Code);
        Assert.Contains("unpaired surrogate", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenIdHasReservedPrefix_ExplainsTheReservation()
    {
        var error = RequestIds.Validate("REJECTED#abc");

        Assert.Equal(
            "requestId 'REJECTED#abc' starts with 'REJECTED#', a key prefix reserved for rejection and conflict records; " +
            "request IDs must not start with 'REJECTED#' or 'CONFLICT#'",
            error?.Message);
    }

    [Fact]
    public void ReservedPrefixes_Always_AreTheRejectionAndConflictKeyPrefixes()
    {
        Assert.Equal(["REJECTED#", "CONFLICT#"], RequestIds.ReservedPrefixes);
    }
}
