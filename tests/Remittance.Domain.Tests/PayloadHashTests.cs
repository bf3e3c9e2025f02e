using System.Text;
using System.Text.Json.Nodes;
using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

public sealed class PayloadHashTests
{
    [Fact]
    public void Compute_WhenKeyOrderAndWhitespaceDiffer_GivesTheSameHash()
    {
        const string Compact = "{\"b\":[1,{\"y\":true,\"x\":null}],\"a\":\"é\\n\",\"c\":{}}";
        const string Spaced = "{\n  \"a\" : \"\\u00e9\\u000a\",\n  \"c\": { },\n  \"b\": [ 1, { \"x\": null, \"y\": true } ]\n}";

        Assert.Equal(PayloadHash.Compute(JsonNode.Parse(Compact)), PayloadHash.Compute(JsonNode.Parse(Spaced)));
    }

    [Theory]
    [InlineData("{\"a\":\"1\"}", "{\"a\":\"2\"}")]
    [InlineData("{\"a\":\"1\"}", "{\"A\":\"1\"}")]
    [InlineData("{\"a\":1}", "{\"a\":\"1\"}")]
    [InlineData("{\"a\":1.0}", "{\"a\":1}")]
    [InlineData("{\"a\":[1,2]}", "{\"a\":[2,1]}")]
    [InlineData("{\"a\":null}", "{}")]
    [InlineData("{\"a\":\"caf\\u00e9\"}", "{\"a\":\"cafe\\u0301\"}")]
    [InlineData("{\"a\":{\"b\":1}}", "{\"a\":{\"b\":1,\"c\":1}}")]
    public void Compute_WhenAnyValueDiffers_GivesDifferentHashes(string left, string right)
    {
        Assert.NotEqual(PayloadHash.Compute(JsonNode.Parse(left)), PayloadHash.Compute(JsonNode.Parse(right)));
    }

    [Fact]
    public void Compute_WhenGivenAMessage_IsLowercaseHexSha256()
    {
        Assert.Matches("^[0-9a-f]{64}$", PayloadHash.Compute(JsonNode.Parse(ValidMessage.Json())));
    }

    [Fact]
    public void Compute_WhenNodeIsNull_HashesTheJsonNullLiteral()
    {
        Assert.Equal(PayloadHash.Compute(JsonNode.Parse("null")), PayloadHash.Compute(null));
    }

    [Theory]
    [InlineData("{\"b\":1,\"a\":2}", "{\"a\":2,\"b\":1}")]
    [InlineData("{\"s\":\"q\\\"b\\\\s\\/t\\t\\u0001\\u001f\\b\\f\\n\\r\"}", "{\"s\":\"q\\\"b\\\\s/t\\t\\u0001\\u001f\\b\\f\\n\\r\"}")]
    [InlineData("{\"s\":\"\\u00e9\\ud83d\\udcb8\\u2028<>&'\"}", "{\"s\":\"é💸\u2028<>&'\"}")]
    [InlineData("{\"n\":[1.50e3,-0,1E-7]}", "{\"n\":[1.50e3,-0,1E-7]}")]
    [InlineData("{\"\\u00e9\":1,\"z\":2,\"Z\":3,\"\\ud83d\\udcb8\":4,\"\\uffff\":5}", "{\"Z\":3,\"z\":2,\"é\":1,\"💸\":4,\"\uffff\":5}")]
    public void CanonicalBytes_WhenGivenJson_AreSortedCompactAndMinimallyEscaped(string input, string canonical)
    {
        var bytes = PayloadHash.CanonicalBytes(JsonNode.Parse(input));

        Assert.Equal(canonical, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Compute_WhenTreeIsBuiltInCode_MatchesTheSameTreeParsedFromText()
    {
        var built = new JsonObject
        {
            ["amount"] = "10.00",
            ["n"] = 12,
            ["flags"] = new JsonArray(true, false, null),
            ["when"] = JsonValue.Create(new DateTimeOffset(2026, 11, 21, 10, 15, 0, TimeSpan.Zero)),
        };
        var parsed = JsonNode.Parse("{\"when\":\"2026-11-21T10:15:00+00:00\",\"flags\":[true,false,null],\"n\":12,\"amount\":\"10.00\"}");

        Assert.Equal(PayloadHash.Compute(parsed), PayloadHash.Compute(built));
    }

    [Fact]
    public void Compute_WhenMessageIsParsedAndReserialized_GivesTheSameHash()
    {
        var result = PartnerMessageParser.Parse(ValidMessage.Json());
        var reparsed = PartnerMessageParser.Parse(result.Document!.ToJsonString(new() { WriteIndented = true }));

        Assert.Equal(PayloadHash.Compute(result.Document), PayloadHash.Compute(reparsed.Document));
    }

    [Fact]
    public void Compute_WhenSameInputIsHashedAgain_IsStable()
    {
        // Pinned, computed independently as SHA-256 of {"a":[1,"é"],"b":"x"}: stored items carry these hashes, so a
        // change in the canonical form would turn every redelivery into a conflict.
        Assert.Equal(
            "03f858b90ca41d3ed171f6c8ce0da81efeb9be0ec9b337d720c735ef286dbc99",
            PayloadHash.Compute(JsonNode.Parse("{\"b\":\"x\",\"a\":[1,\"é\"]}")));
    }
}
