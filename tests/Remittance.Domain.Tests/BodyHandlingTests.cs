using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

/// <summary>What happens before any field is looked at: empty, broken, ambiguous or oddly shaped bodies.</summary>
public sealed class BodyHandlingTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\r\n\t")]
    public void Parse_WhenBodyIsEmptyOrWhitespace_ReportsEmptyBody(string? body)
    {
        var result = PartnerMessageParser.Parse(body);

        ParseAssert.SingleError(result, "$", ErrorCodes.EmptyBody);
        Assert.Null(result.Document);
        Assert.Null(result.RequestId);
    }

    [Theory]
    [InlineData("{\n  \"requestId\": \"r-1\",\n  \"amount\": \"10.00\",\n}", "line 4, byte 1")]
    [InlineData("{\"requestId\": \"r-1\"", "line 1")]
    [InlineData("{'requestId': 'r-1'}", "line 1, byte 2")]
    [InlineData("{\"a\": 1} {\"b\": 2}", "line 1, byte 10")]
    [InlineData("{\"a\": 1 /* note */}", "line 1")]
    [InlineData("{\"a\": NaN}", "line 1, byte 7")]
    [InlineData("not json", "line 1, byte 2")]
    [InlineData("\uFEFF{}", "line 1, byte 1")]
    public void Parse_WhenBodyIsNotJson_ReportsMalformedJsonWithPosition(string body, string position)
    {
        var result = PartnerMessageParser.Parse(body);

        var error = ParseAssert.SingleError(result, "$", ErrorCodes.MalformedJson);
        Assert.Contains(position, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Parse_WhenBodyIsALongRunOfGarbage_QuotesOnlyTheStartOfIt()
    {
        var error = ParseAssert.SingleError(PartnerMessageParser.Parse("n" + new string('x', 100_000)), "$", ErrorCodes.MalformedJson);

        Assert.True(error.Message.Length < 300, error.Message);
        Assert.Contains("'n" + new string('x', 63) + "…' is an invalid JSON literal", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"requestId\": \"r-\\ud800\"}")]
    [InlineData("{\"r-\\udc00\": 1}")]
    public void Parse_WhenEscapeLeavesSurrogateUnpaired_ReportsMalformedJson(string body)
    {
        var error = ParseAssert.SingleError(PartnerMessageParser.Parse(body), "$", ErrorCodes.MalformedJson);

        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenBodyStringHasRawUnpairedSurrogate_ReportsMalformedJson()
    {
        var body = "{\"requestId\": \"r-" + '\uD800' + "\"}";

        var error = ParseAssert.SingleError(PartnerMessageParser.Parse(body), "$", ErrorCodes.MalformedJson);

        Assert.Contains("U+D800", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenEscapedSurrogatePairIsValid_DecodesIt()
    {
        var message = ParseAssert.Valid(PartnerMessageParser.Parse(ValidMessage.With("requestId", "\"pay-\\ud83d\\udcb8\"")));

        Assert.Equal("pay-💸", message.RequestId);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"hello\"", "a string ('hello')")]
    [InlineData("42", "a number (42)")]
    [InlineData("null", "null")]
    [InlineData("true", "true")]
    public void Parse_WhenBodyIsNotAnObject_ReportsNotAnObject(string body, string described)
    {
        var result = PartnerMessageParser.Parse(body);

        var error = ParseAssert.SingleError(result, "$", ErrorCodes.NotAnObject);
        Assert.EndsWith(described, error.Message, StringComparison.Ordinal);
        Assert.Null(result.Document);
    }

    [Fact]
    public void Parse_WhenTopLevelPropertyRepeats_ReportsDuplicatePropertyAndNoDocument()
    {
        var body = ValidMessage.Json().Replace("\"amount\":\"1250.00\"", "\"amount\":\"1250.00\",\"amount\":\"9.99\"", StringComparison.Ordinal);

        var result = PartnerMessageParser.Parse(body);

        var error = ParseAssert.SingleError(result, "amount", ErrorCodes.DuplicateProperty);
        Assert.Equal("property 'amount' appears more than once in the body; which value counts would be ambiguous", error.Message);
        Assert.Null(result.Document);
        Assert.Equal(ValidMessage.RequestId, result.RequestId);
    }

    [Fact]
    public void Parse_WhenNestedOrUnknownPropertiesRepeat_ReportsEachWithItsPath()
    {
        var body = ValidMessage.Json()
            .Replace("\"country\":\"US\"", "\"country\":\"US\",\"country\":\"CA\"", StringComparison.Ordinal)
            .TrimEnd('}') + ",\"meta\":{\"trace id\":1,\"trace id\":2,\"list\":[{\"k\":1,\"k\":1}]}}";

        var result = PartnerMessageParser.Parse(body);

        Assert.Equal(
            [("payee.country", ErrorCodes.DuplicateProperty), ("meta['trace id']", ErrorCodes.DuplicateProperty),
                ("meta.list[0].k", ErrorCodes.DuplicateProperty)],
            result.Errors.Select(e => (e.Field, e.Code)));
    }

    // The scan that spares most bodies the duplicate walk compares names as written; these are the cases it must not miss.
    [Theory]
    [InlineData(",\"meta\":{\"a\":1,\"\\u0061\":2}", "meta.a")]
    [InlineData(",\"meta\":{\"\\u0062\":1,\"x\":{\"b\":1,\"b\":2}}", "meta.x.b")]
    [InlineData(",\"meta\":[{\"k\":1},{\"k\":1,\"j\":[{\"k\":1}],\"k\":2}]", "meta[1].k")]
    [InlineData(",\"meta\":{\"é\":1,\"e\":2,\"é\":3}", "meta['é']")]
    [InlineData(",\"amount\":\"1.00\"", "amount")]
    public void Parse_WhenANameRepeatsInAnyObject_ReportsIt(string extra, string path)
    {
        var body = ValidMessage.Json().TrimEnd('}') + extra + "}";

        var result = PartnerMessageParser.Parse(body);

        Assert.Contains((path, ErrorCodes.DuplicateProperty), result.Errors.Select(e => (e.Field, e.Code)));
        Assert.Null(result.Document);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(300)]
    public void Parse_WhenAWideObjectRepeatsItsLastName_ReportsIt(int width)
    {
        var names = string.Concat(Enumerable.Range(0, width).Select(i => $"\"k{i}\":{i},"));
        var body = ValidMessage.Json().TrimEnd('}') + $",\"meta\":{{{names}\"k0\":0}}}}";

        var result = PartnerMessageParser.Parse(body);

        ParseAssert.SingleError(result, "meta.k0", ErrorCodes.DuplicateProperty);
    }

    [Fact]
    public void Parse_WhenSiblingObjectsShareNames_AcceptsTheMessage()
    {
        var siblings = string.Join(',', Enumerable.Range(0, 40).Select(i => $"{{\"k\":{i},\"nested\":{{\"k\":[{{\"k\":1}}]}}}}"));
        var body = ValidMessage.Json().TrimEnd('}') + $",\"meta\":{{\"list\":[{siblings}],\"k\":{{\"list\":1}}}}}}";

        var result = PartnerMessageParser.Parse(body);

        Assert.True(result.IsValid, ParseAssert.Describe(result.Errors));
    }

    [Fact]
    public void Parse_WhenPropertiesComeInAnyOrder_ReadsEveryField()
    {
        var ordered = ValidMessage.Create();
        var reversed = new System.Text.Json.Nodes.JsonObject();
        foreach (var (name, value) in ordered.Reverse().ToList())
        {
            ordered.Remove(name);
            if (value is System.Text.Json.Nodes.JsonObject payee)
            {
                var payeeReversed = new System.Text.Json.Nodes.JsonObject();
                foreach (var (payeeName, payeeValue) in payee.Reverse().ToList())
                {
                    payee.Remove(payeeName);
                    payeeReversed[payeeName] = payeeValue;
                }

                reversed[name] = payeeReversed;
            }
            else
            {
                reversed[name] = value;
            }
        }

        var inOrder = ParseAssert.Valid(PartnerMessageParser.Parse(ValidMessage.Json()));
        var outOfOrder = ParseAssert.Valid(PartnerMessageParser.Parse(reversed.ToJsonString()));

        Assert.Equal(inOrder with { InvoiceIds = [] }, outOfOrder with { InvoiceIds = [] });
        Assert.Equal(inOrder.InvoiceIds, outOfOrder.InvoiceIds);
    }

    [Fact]
    public void Parse_WhenManyPropertiesRepeat_ListsTwentyAndCountsTheRest()
    {
        var repeats = string.Concat(Enumerable.Range(0, 25).Select(i => $",\"k{i}\":1,\"k{i}\":2"));
        var body = ValidMessage.Json().TrimEnd('}') + repeats + "}";

        var result = PartnerMessageParser.Parse(body);

        Assert.Equal(21, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.DuplicateProperty, e.Code));
        Assert.Equal(("$", "5 more repeated property names are not listed"), (result.Errors[^1].Field, result.Errors[^1].Message));
    }

    [Fact]
    public void Parse_WhenRequestIdRepeats_ReturnsNoRequestId()
    {
        var body = ValidMessage.Json().Replace("\"requestId\":", "\"requestId\":\"other\",\"requestId\":", StringComparison.Ordinal);

        var result = PartnerMessageParser.Parse(body);

        ParseAssert.SingleError(result, "requestId", ErrorCodes.DuplicateProperty);
        Assert.Null(result.RequestId);
    }

    [Fact]
    public void Parse_WhenPropertyRepeatsAndOtherFieldsAreWrong_ReportsAllOfThem()
    {
        var body = ValidMessage.With("currency", "\"usd\"")
            .Replace("\"outcome\":\"SETTLED\"", "\"outcome\":\"SETTLED\",\"outcome\":\"SETTLED\"", StringComparison.Ordinal);

        var result = PartnerMessageParser.Parse(body);

        Assert.Equal([("outcome", ErrorCodes.DuplicateProperty), ("currency", ErrorCodes.InvalidFormat)],
            result.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Parse_WhenUnknownFieldNestsToTheDepthLimit_Accepts()
    {
        // The body itself is level 1, so the unknown field may nest 63 more levels.
        var body = ValidMessage.Json().TrimEnd('}') + ",\"deep\":" + Nest(PartnerMessageParser.MaxDepth - 1) + "}";

        var result = PartnerMessageParser.Parse(body);

        Assert.True(result.IsValid, ParseAssert.Describe(result.Errors));
        Assert.NotNull(result.Document["deep"]);
    }

    [Fact]
    public void Parse_WhenUnknownFieldNestsPastTheDepthLimit_ReportsNestingTooDeep()
    {
        var body = ValidMessage.Json().TrimEnd('}') + ",\"deep\":" + Nest(PartnerMessageParser.MaxDepth) + "}";

        var error = ParseAssert.SingleError(PartnerMessageParser.Parse(body), "$", ErrorCodes.NestingTooDeep);

        Assert.Contains("more than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenBodyIsAHugeNestingBomb_ReportsNestingTooDeepWithoutThrowing()
    {
        var error = ParseAssert.SingleError(PartnerMessageParser.Parse(Nest(100_000)), "$", ErrorCodes.NestingTooDeep);

        Assert.Contains("line 1, byte 65", error.Message, StringComparison.Ordinal);
    }

    private static string Nest(int levels) => new string('[', levels) + new string(']', levels);
}
