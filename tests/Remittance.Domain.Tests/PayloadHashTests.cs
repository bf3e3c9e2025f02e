using System.Text;
using System.Text.Json;
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

    // Ingest hashes the parsed element; stored hashes were made from the node form. Both must give the same bytes.
    [Theory]
    [InlineData("{\"b\":[1,{\"y\":true,\"x\":null}],\"a\":\"é\\n\",\"c\":{}}")]
    [InlineData("{\n  \"a\" : \"\\u00e9\\u000a\",\n  \"c\": { },\n  \"b\": [ 1, { \"x\": null, \"y\": true } ]\n}")]
    [InlineData("{\"s\":\"q\\\"b\\\\s\\/t\\t\\u0001\\u001f\\b\\f\\n\\r\"}")]
    [InlineData("{\"s\":\"\\u00e9\\ud83d\\udcb8\\u2028<>&'\",\"t\":\"é💸\u2028\u007f\"}")]
    [InlineData("{\"n\":[1.50e3,-0,1E-7,0,-12.500,1e+400]}")]
    [InlineData("{\"\\u00e9\":1,\"z\":2,\"Z\":3,\"\\ud83d\\udcb8\":4,\"\\uffff\":5,\"\ufffd\":6,\"😀\":7,\"\ue000\":8,\"a\\\"b\":9}")]
    [InlineData("{\"a\":{\"z\":{\"y\":[[],{},[{}],\"\"]},\"A\":[null,false,true]},\"\":\"\",\"ab\":1,\"a\\u0062c\":2,\"abc \":3}")]
    [InlineData("[1,\"x\",{\"b\":2,\"a\":1}]")]
    [InlineData("\"plain\"")]
    [InlineData("null")]
    public void Compute_WhenGivenTheParsedElement_MatchesTheNodeForm(string json)
    {
        using var parsed = JsonDocument.Parse(json);

        Assert.Equal(
            Encoding.UTF8.GetString(PayloadHash.CanonicalBytes(JsonNode.Parse(json))),
            Encoding.UTF8.GetString(PayloadHash.CanonicalBytes(parsed.RootElement)));
        Assert.Equal(PayloadHash.Compute(JsonNode.Parse(json)), PayloadHash.Compute(parsed.RootElement));
    }

    [Fact]
    public void Compute_WhenGivenRandomObjectsAsElements_MatchesTheNodeForm()
    {
        var random = new RandomText(20261204);
        for (var round = 0; round < 500; round++)
        {
            var json = RandomObject(random, depth: 0).ToJsonString(new JsonSerializerOptions { Encoder = round % 2 == 0
                ? System.Text.Encodings.Web.JavaScriptEncoder.Default
                : System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            var result = PartnerMessageParser.Parse(json);

            Assert.Equal(PayloadHash.Compute(JsonNode.Parse(json)), PayloadHash.Compute(result.Element!.Value));
        }
    }

    [Fact]
    public void Compute_WhenGivenEverySampleMessage_GivesTheSameHashFromTheElementAsFromTheDocument()
    {
        var bodies = Directory.EnumerateFiles(RepositoryRoot.Combine("samples", "partner-messages"), "*.json")
            .Select(File.ReadAllText)
            .Concat(File.ReadLines(RepositoryRoot.Combine("samples", "partner-messages", "batch.jsonl")).Where(l => l.Length > 0));
        var hashed = 0;
        foreach (var body in bodies)
        {
            var result = PartnerMessageParser.Parse(body);
            if (result.Element is { } element)
            {
                Assert.Equal(PayloadHash.Compute(result.Document), PayloadHash.Compute(element));
                hashed++;
            }
        }

        Assert.True(hashed > 10, $"only {hashed} samples had a document");
    }

    private static JsonObject RandomObject(RandomText random, int depth)
    {
        var obj = new JsonObject();
        var count = random.Next(depth == 0 ? 12 : 5);
        for (var index = 0; index < count; index++)
        {
            var name = random.Next(3) switch
            {
                0 => random.Printable() + random.Printable(),
                1 => "k" + random.Next(50),
                _ => random.Next(4) == 0 ? "\uE000" + random.NonAscii() : random.NonAscii(),
            };
            if (!obj.ContainsKey(name))
            {
                obj[name] = RandomValue(random, depth + 1);
            }
        }

        return obj;
    }

    private static JsonNode? RandomValue(RandomText random, int depth) => random.Next(depth > 3 ? 5 : 7) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonNode.Parse(random.Next(3) switch { 0 => "12.50", 1 => "-1e-7", _ => random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) }),
        3 => JsonValue.Create(random.Printable() + "\"\\\n\t\u0001\u2028" + random.NonAscii()),
        4 => JsonValue.Create(random.RequestId(maxLength: 20)),
        5 => RandomObject(random, depth),
        _ => new JsonArray([.. Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))]),
    };
}
