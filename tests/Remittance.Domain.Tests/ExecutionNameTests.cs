using System.Text.RegularExpressions;

namespace Remittance.Domain.Tests;

public sealed class ExecutionNameTests
{
    [Fact]
    public void For_WhenIdIsPlainAscii_StartsWithTheIdAndEndsWithTheAttempt()
    {
        var name = ExecutionName.For("acme-bank-2026-11-21-000001", 1);

        Assert.Matches("^acme-bank-2026-11-21-000001-[a-z2-7]{20}-1$", name);
    }

    [Fact]
    public void For_WhenIdHasOtherCharacters_ReplacesEachRunWithOneUnderscore()
    {
        var name = ExecutionName.For("inv #42 / batch 7", 3);

        Assert.StartsWith("inv_42_batch_7-", name, StringComparison.Ordinal);
        Assert.EndsWith("-3", name, StringComparison.Ordinal);
    }

    [Fact]
    public void For_WhenIdHasNoAsciiLetterOrDigit_IsOnlyHashAndAttempt()
    {
        Assert.Matches("^[a-z2-7]{20}-2$", ExecutionName.For("請求書", 2));
    }

    [Theory]
    [InlineData("--abc--", "abc")]
    [InlineData("__a__b__", "a__b")]
    [InlineData("#a#", "a")]
    [InlineData("a #-b", "a-b")]
    public void For_WhenIdHasSeparatorsAtTheEnds_TrimsThemFromThePrefix(string id, string prefix)
    {
        Assert.StartsWith(prefix + "-", ExecutionName.For(id, 1), StringComparison.Ordinal);
        Assert.Matches("^[a-z2-7]{20}-1$", ExecutionName.For(id, 1)[(prefix.Length + 1)..]);
    }

    [Fact]
    public void For_WhenCalledTwice_IsDeterministicAcrossCalls()
    {
        Assert.Equal(ExecutionName.For("r-1", 1), ExecutionName.For("r-1", 1));
    }

    [Fact]
    public void For_WhenAttemptIsTheLargestInt_StillFitsAndKeepsThePrefix()
    {
        var id = new string('a', RequestIds.MaxLength);

        var first = ExecutionName.For(id, 1);
        var last = ExecutionName.For(id, int.MaxValue);

        Assert.Equal(ExecutionName.MaxLength, last.Length);
        Assert.True(ExecutionName.IsValid(last));
        Assert.Equal(first[..^2], last[..^(int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 1)]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void For_WhenAttemptIsBelowOne_Throws(int attempt)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExecutionName.For("r-1", attempt));
    }

    [Fact]
    public void For_WhenIdIsEmpty_Throws()
    {
        Assert.Throws<ArgumentException>(() => ExecutionName.For("", 1));
    }

    [Fact]
    public void For_WhenIdIsNotWellFormedUtf16_ThrowsRatherThanHashingAReplacement()
    {
        Assert.ThrowsAny<ArgumentException>(() => ExecutionName.For("a\uD800", 1));
    }

    [Theory]
    [InlineData("a", true)]
    [InlineData("A-z_0-9", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("has space", false)]
    [InlineData("has#hash", false)]
    [InlineData("ünï", false)]
    public void IsValid_WhenGivenAName_AcceptsOnlyStepFunctionsSafeCharacters(string? name, bool valid)
    {
        Assert.Equal(valid, ExecutionName.IsValid(name));
    }

    [Fact]
    public void IsValid_WhenNameIsLongerThan80_IsFalse()
    {
        Assert.True(ExecutionName.IsValid(new string('a', 80)));
        Assert.False(ExecutionName.IsValid(new string('a', 81)));
    }

    [Fact]
    public void For_WhenIdIsTheNonAsciiSample_MatchesTheDocumentedShape()
    {
        var name = ExecutionName.For("振込確認-Café-Señal-💸", 1);

        Assert.Matches(new Regex("^Caf-Se_al-[a-z2-7]{20}-1$"), name);
    }

    // Stored items and Step Functions carry these names: the same request ID must always give the same name.
    [Theory]
    [InlineData("a", "a-zklycewkdo64v6wcggzz-1")]
    [InlineData("--abc--", "abc-wqgnsndzy5k5hc5saf73-1")]
    [InlineData("a #-b", "a-b-cthx5pcqqvdvooxt5edz-1")]
    [InlineData("acme-bank-2026-11-21-000001", "acme-bank-2026-11-21-000001-n2ijvcd577qlaqx6wswx-1")]
    [InlineData("x*300", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-bvhczkpjzphnpj5fhahl-1")]
    [InlineData("é*300", "ojilmzqq7c35xvxv4vbg-1")]
    public void For_WhenGivenAKnownId_GivesItsPinnedName(string id, string expected)
    {
        var requestId = id.EndsWith("*300", StringComparison.Ordinal) ? new string(id[0], 300) : id;

        Assert.Equal(expected, ExecutionName.For(requestId, 1));
    }
}
