using System.Text;
using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

/// <summary>
/// Pins the verdict on every checked-in sample, read the way <c>remittance local run</c> reads them: a .json file is
/// one body verbatim, a .jsonl file one body per non-blank line. A new sample must be added here.
/// </summary>
public sealed class SampleMessagesTests
{
    private static readonly string s_directory = RepositoryRoot.Combine("samples", "partner-messages");

    // File name → the error codes expected; empty means valid.
    private static readonly Dictionary<string, string[]> s_expected = new(StringComparer.Ordinal)
    {
        ["001-settled-usd-business.json"] = [],
        ["002-settled-jpy-zero-decimals.json"] = [],
        ["003-settled-kwd-three-decimals.json"] = [],
        ["004-settled-eur-sepa-de-locale.json"] = [],
        ["005-settled-brl-individual-pt-br.json"] = [],
        ["006-settled-gbp-no-locale.json"] = [],
        ["007-settled-inr-check.json"] = [],
        ["008-returned-cad-fr-ca.json"] = [],
        ["009-rejected-chf-swift.json"] = [],
        ["010-settled-with-unknown-fields.json"] = [],
        ["011-settled-twd-zh-hant-tw.json"] = [],
        ["012-settled-eur-kosovo.json"] = [],
        ["013-non-ascii-128-char-request-id.json"] = [],
        ["020-duplicate-of-001.json"] = [],
        ["021-conflict-with-001.json"] = [],
        ["030-malformed-json.json"] = [ErrorCodes.MalformedJson],
        ["031-empty-body.json"] = [ErrorCodes.EmptyBody],
        ["032-bad-exponent-jpy.json"] = [ErrorCodes.TooManyFractionDigits],
        ["033-unknown-currency.json"] = [ErrorCodes.UnknownCurrency],
        ["034-missing-fields.json"] = [.. Enumerable.Repeat(ErrorCodes.MissingField, 7)],
        ["035-amount-as-number.json"] = [ErrorCodes.WrongType],
        ["036-settled-at-without-offset.json"] = [ErrorCodes.MissingUtcOffset],
        ["037-reserved-request-id-prefix.json"] = [ErrorCodes.ReservedPrefix],
        ["038-duplicate-property.json"] = [ErrorCodes.DuplicateProperty],
        ["039-not-an-object.json"] = [ErrorCodes.NotAnObject],
        ["040-oversized.json"] = [],
        ["batch.jsonl"] = [],
    };

    public static TheoryData<string> SampleFiles => [.. s_expected.Keys];

    [Fact]
    public void Samples_Always_HaveAnExpectedVerdictEach()
    {
        var files = Directory.EnumerateFiles(s_directory)
            .Select(Path.GetFileName)
            .Where(name => name!.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal));

        Assert.Equal(s_expected.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Parse_WhenGivenASample_ReachesItsExpectedVerdict(string file)
    {
        foreach (var (source, body) in Bodies(file))
        {
            var result = PartnerMessageParser.Parse(body);

            Assert.True(
                s_expected[file].SequenceEqual(result.Errors.Select(e => e.Code)),
                $"{source}: expected [{string.Join(", ", s_expected[file])}], got: {ParseAssert.Describe(result.Errors)}");
            Assert.Equal(s_expected[file].Length == 0, result.IsValid);
        }
    }

    [Fact]
    public void Samples_Always_UseDistinctRequestIdsExceptTheDuplicateAndConflict()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in s_expected.Keys.Where(f => f is not "020-duplicate-of-001.json" and not "021-conflict-with-001.json"))
        {
            foreach (var (source, body) in Bodies(file))
            {
                if (PartnerMessageParser.Parse(body).RequestId is { } requestId)
                {
                    Assert.True(owners.TryAdd(requestId, source), $"{source} reuses the request ID of {owners.GetValueOrDefault(requestId)}");
                }
            }
        }
    }

    [Fact]
    public void DuplicateSample_WhenParsed_HasTheSameRequestIdAndPayloadHashAs001()
    {
        var original = Parse("001-settled-usd-business.json");
        var duplicate = Parse("020-duplicate-of-001.json");

        Assert.NotEqual(Read("001-settled-usd-business.json"), Read("020-duplicate-of-001.json"));
        Assert.Equal(original.RequestId, duplicate.RequestId);
        Assert.Equal(PayloadHash.Compute(original.Document), PayloadHash.Compute(duplicate.Document));
    }

    [Fact]
    public void ConflictSample_WhenParsed_HasTheSameRequestIdButAnotherPayloadHashThan001()
    {
        var original = Parse("001-settled-usd-business.json");
        var conflict = Parse("021-conflict-with-001.json");

        Assert.Equal(original.RequestId, conflict.RequestId);
        Assert.NotEqual(original.Message!.Amount, conflict.Message!.Amount);
        Assert.NotEqual(PayloadHash.Compute(original.Document), PayloadHash.Compute(conflict.Document));
    }

    [Fact]
    public void OversizedSample_WhenParsed_IsValidButLargerThanADynamoDbItem()
    {
        var result = Parse("040-oversized.json");

        Assert.True(result.IsValid);
        Assert.True(Encoding.UTF8.GetByteCount((string)result.Document["attachment"]!) > 420 * 1024);
    }

    [Fact]
    public void NonAsciiSample_WhenParsed_HasA128CodePointRequestIdAndAValidExecutionName()
    {
        var result = Parse("013-non-ascii-128-char-request-id.json");

        Assert.True(result.IsValid);
        Assert.Equal(RequestIds.MaxLength, result.RequestId.EnumerateRunes().Count());
        Assert.Contains(result.RequestId.EnumerateRunes(), r => r.Value > 0xFFFF);
        Assert.True(ExecutionName.IsValid(ExecutionName.For(result.RequestId, 1)));
    }

    [Fact]
    public void MissingFieldsSample_WhenParsed_NamesEveryMissingFieldAndKeepsTheRequestId()
    {
        var result = Parse("034-missing-fields.json");

        Assert.Equal(["partnerReference", "settledAt", "currency", "paymentMethod", "payee.id", "payee.country", "invoiceIds"],
            result.Errors.Select(e => e.Field));
        Assert.Equal("acme-bank-2026-11-21-000034", result.RequestId);
    }

    [Fact]
    public void MalformedSample_WhenParsed_PointsAtTheTrailingComma()
    {
        var error = Assert.Single(Parse("030-malformed-json.json").Errors);

        Assert.Contains("line 4, byte 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownFieldsSample_WhenParsed_KeepsTheNestedMetadata()
    {
        var result = Parse("010-settled-with-unknown-fields.json");

        Assert.True(result.IsValid);
        Assert.Equal("api", (string?)result.Document["partnerMetadata"]!["channel"]!["name"]);
        Assert.Equal("1.0825", result.Document["partnerMetadata"]!["fxRate"]!.ToJsonString());
        Assert.NotNull(result.Document["memo"]);
    }

    [Fact]
    public void BatchSample_WhenRead_HoldsFiveValidMessages()
    {
        Assert.Equal(5, Bodies("batch.jsonl").Count());
    }

    private static PartnerMessageParseResult Parse(string file) => PartnerMessageParser.Parse(Read(file));

    private static string Read(string file) => File.ReadAllText(Path.Combine(s_directory, file));

    private static IEnumerable<(string Source, string Body)> Bodies(string file)
    {
        if (!file.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            return [(file, Read(file))];
        }

        return File.ReadAllLines(Path.Combine(s_directory, file))
            .Select((line, index) => ($"{file}:{index + 1}", line))
            .Where(entry => !string.IsNullOrWhiteSpace(entry.line));
    }
}
