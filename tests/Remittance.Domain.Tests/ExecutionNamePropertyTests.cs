using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

/// <summary>Properties that must hold for any request ID the parser accepts, checked over seeded random IDs.</summary>
public sealed class ExecutionNamePropertyTests
{
    private const int Samples = 2_000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void For_WhenIdIsAnyValidRequestId_IsAValidDeterministicName(int seed)
    {
        var random = new RandomText(seed);
        for (var index = 0; index < Samples; index++)
        {
            var id = random.RequestId();
            Assert.Null(RequestIds.Validate(id));
            var attempt = 1 + random.Next(1_000);

            var name = ExecutionName.For(id, attempt);

            Assert.True(ExecutionName.IsValid(name), $"'{name}' for '{id}'");
            Assert.Equal(name, ExecutionName.For(id, attempt));
        }
    }

    [Fact]
    public void For_WhenAttemptDiffers_GivesDistinctNames()
    {
        var random = new RandomText(4);
        for (var index = 0; index < Samples / 10; index++)
        {
            var id = random.RequestId();
            var names = Enumerable.Range(1, 12).Select(attempt => ExecutionName.For(id, attempt)).ToList();

            Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        }
    }

    [Fact]
    public void For_WhenIdsDifferOnlyInNonAsciiCharacters_GivesDistinctNames()
    {
        var random = new RandomText(5);
        var idsByName = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < Samples; index++)
        {
            // Same ASCII skeleton, so the readable prefixes are equal and only the hash can tell the IDs apart.
            var id = "acme-" + random.NonAscii() + random.NonAscii() + "-2026";

            var name = ExecutionName.For(id, 1);

            Assert.StartsWith("acme--2026-", name, StringComparison.Ordinal);
            Assert.True(!idsByName.TryGetValue(name, out var other) || other == id, $"'{id}' and '{other}' share '{name}'");
            idsByName[name] = id;
        }

        Assert.True(idsByName.Count > Samples / 2);
    }

    [Fact]
    public void For_WhenIdsDifferOnlyBeyondThePrefixCut_GivesDistinctNames()
    {
        var random = new RandomText(6);
        var common = new string('p', 100);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < Samples; index++)
        {
            var id = common + random.RequestId(maxLength: RequestIds.MaxLength - common.Length);
            if (id.EnumerateRunes().Count() > RequestIds.MaxLength || !ids.Add(id))
            {
                continue;
            }

            var name = ExecutionName.For(id, 1);
            Assert.StartsWith(new string('p', 48) + "-", name, StringComparison.Ordinal);
            Assert.True(names.Add(name), $"duplicate name '{name}'");
        }
    }

    [Fact]
    public void For_WhenIdsDifferOnlyInCombiningMarksOrNormalization_GivesDistinctNames()
    {
        // "é" precomposed and "e" + combining acute look alike but are different request IDs.
        Assert.NotEqual(ExecutionName.For("caf\u00e9", 1), ExecutionName.For("cafe\u0301", 1));
    }
}
