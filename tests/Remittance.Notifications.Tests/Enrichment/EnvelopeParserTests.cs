using System.Text.Json.Nodes;
using Remittance.Domain;
using Remittance.Domain.Enrichment;

namespace Remittance.Notifications.Tests.Enrichment;

public sealed class EnvelopeParserTests
{
    // Case name → how to break the pinned example, and the one error expected.
    private static readonly Dictionary<string, (Action<JsonObject> Break, string Field, string Code)> s_cases = new(StringComparer.Ordinal)
    {
        ["other event type"] = (e => e["eventType"] = "remittance.created", "eventType", EnvelopeErrorCodes.UnsupportedEventType),
        ["version 2, data not read"] = (e => { e["eventVersion"] = "2"; e["data"]!["amount"] = 12; }, "eventVersion", EnvelopeErrorCodes.UnsupportedEventVersion),
        ["version as a number"] = (e => e["eventVersion"] = 1, "eventVersion", ErrorCodes.WrongType),
        ["event ID not a UUID"] = (e => e["eventId"] = "evt-1", "eventId", ErrorCodes.InvalidFormat),
        ["event ID not derived"] = (e => e["eventId"] = Guid.Empty.ToString(), "eventId", EnvelopeErrorCodes.EventIdMismatch),
        ["occurredAt without offset"] = (e => e["occurredAt"] = "2026-11-21T10:15:05", "occurredAt", ErrorCodes.MissingUtcOffset),
        ["occurredAt not a date"] = (e => e["occurredAt"] = "yesterday", "occurredAt", ErrorCodes.InvalidFormat),
        ["no data"] = (e => e.Remove("data"), "data", ErrorCodes.MissingField),
        ["data not an object"] = (e => e["data"] = "{}", "data", ErrorCodes.WrongType),
        ["no request ID"] = (e => Data(e).Remove("requestId"), "data.requestId", ErrorCodes.MissingField),
        ["reserved request ID"] = (e => Data(e)["requestId"] = "REJECTED#1", "data.requestId", ErrorCodes.ReservedPrefix),
        ["amount as number"] = (e => Data(e)["amount"] = 1250.00m, "data.amount", ErrorCodes.WrongType),
        ["amount with 3 USD decimals"] = (e => Data(e)["amount"] = "1250.001", "data.amount", ErrorCodes.TooManyFractionDigits),
        ["lower-case currency"] = (e => Data(e)["currency"] = "usd", "data.currency", ErrorCodes.InvalidFormat),
        ["unknown purpose"] = (e => Data(e)["purpose"] = "ADVICE", "data.purpose", ErrorCodes.UnknownValue),
        ["purpose contradicts outcome"] = (e => Data(e)["purpose"] = "RETURNED_PAYMENT", "data.purpose", EnvelopeErrorCodes.PurposeMismatch),
        ["settledAt without offset"] = (e => Data(e)["settledAt"] = "2026-11-21T10:15:00", "data.settledAt", ErrorCodes.MissingUtcOffset),
        ["unknown payment method"] = (e => Data(e)["paymentMethod"] = "ach", "data.paymentMethod", ErrorCodes.UnknownValue),
        ["blank description"] = (e => Data(e)["paymentDescription"] = " ", "data.paymentDescription", ErrorCodes.SurroundingWhitespace),
        ["unknown payee type"] = (e => Data(e)["payee"]!["type"] = "COMPANY", "data.payee.type", ErrorCodes.UnknownValue),
        ["no invoices"] = (e => Data(e)["invoices"] = new JsonArray(), "data.invoices", ErrorCodes.OutOfRange),
        ["invoice not an object"] = (e => Data(e)["invoices"]![1] = "INV-2026-0043", "data.invoices[1]", ErrorCodes.WrongType),
        ["repeated invoice"] = (e => Data(e)["invoices"]![1]!["invoiceId"] = "INV-2026-0042", "data.invoices[1].invoiceId", ErrorCodes.DuplicateValue),
        ["invoice date 30 February"] = (e => Data(e)["invoices"]![0]!["issuedAt"] = "2026-02-30", "data.invoices[0].issuedAt", ErrorCodes.OutOfRange),
        ["invoice date not ISO"] = (e => Data(e)["invoices"]![0]!["issuedAt"] = "20.10.2026", "data.invoices[0].issuedAt", ErrorCodes.InvalidFormat),
        ["invoice amount zero"] = (e => Data(e)["invoices"]![0]!["amount"] = "0.00", "data.invoices[0].amount", ErrorCodes.OutOfRange),
        ["invoice JPY with decimals"] = (e => { Data(e)["invoices"]![0]!["currency"] = "JPY"; }, "data.invoices[0].amount", ErrorCodes.TooManyFractionDigits),
        ["purchase order as number"] = (e => Data(e)["invoices"]![0]!["purchaseOrder"] = 55120, "data.invoices[0].purchaseOrder", ErrorCodes.WrongType),
    };

    public static TheoryData<string> Cases => [.. s_cases.Keys];

    [Fact]
    public void Parse_PinnedExample_IsValid()
    {
        var result = EnvelopeParser.Parse(File.ReadAllText(EnvelopeAssert.ExamplePath));

        Assert.True(result.IsValid, EnvelopeAssert.Describe(result.Errors));
        var envelope = result.Envelope;
        Assert.Equal("remittance.enriched", envelope.EventType);
        Assert.Equal("1", envelope.EventVersion);
        Assert.Equal("acme-bank-2026-11-21-000001", result.RequestId);
        Assert.Equal(1250.00m, envelope.Data.Amount);
        Assert.Equal("USD", envelope.Data.Currency.Code);
        Assert.Equal(PayeeType.Business, envelope.Data.Payee.Type);
        Assert.Equal(["INV-2026-0042", "INV-2026-0043"], envelope.Data.Invoices.Select(i => i.InvoiceId));
        Assert.Equal(new DateOnly(2026, 10, 20), envelope.Data.Invoices[0].IssuedAt);
        Assert.Equal("PO-55120", envelope.Data.Invoices[0].PurchaseOrder);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_WhenOneThingIsWrong_ReportsExactlyThatField(string name)
    {
        var (breakIt, field, code) = s_cases[name];
        var envelope = Example();
        breakIt(envelope);

        var result = EnvelopeParser.Parse(envelope.ToJsonString());

        Assert.False(result.IsValid);
        Assert.Null(result.Envelope);
        var error = Assert.Single(result.Errors);
        Assert.True(error.Field == field && error.Code == code, $"expected {field} {code}, got {EnvelopeAssert.Describe(result.Errors)}");
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Parse_WhenOnlyOtherFieldsAreWrong_StillReturnsTheRequestId()
    {
        var envelope = Example();
        Data(envelope)["amount"] = "-1";
        envelope["eventVersion"] = "2";

        var result = EnvelopeParser.Parse(envelope.ToJsonString());

        Assert.Equal("acme-bank-2026-11-21-000001", result.RequestId);
    }

    [Fact]
    public void Parse_Errors_QuoteTheOffendingValue()
    {
        var envelope = Example();
        Data(envelope)["invoices"]![1]!["amount"] = "450.001";

        var error = Assert.Single(EnvelopeParser.Parse(envelope.ToJsonString()).Errors);

        Assert.Equal("USD has 2 decimal places (ISO 4217); data.invoices[1].amount '450.001' has 3", error.Message);
    }

    [Fact]
    public void Parse_WhenManyThingsAreWrong_ReportsEveryOne()
    {
        var envelope = Example();
        envelope["occurredAt"] = "soon";
        Data(envelope)["currency"] = "ABC";
        Data(envelope)["invoices"]![0]!["description"] = string.Empty;

        var result = EnvelopeParser.Parse(envelope.ToJsonString());

        Assert.Equal(
            ["occurredAt", "data.currency", "data.invoices[0].description"],
            result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void Parse_UnknownFields_AreAllowedAndKept()
    {
        var envelope = Example();
        envelope["traceId"] = "abc";
        Data(envelope)["returnReason"] = "R03";
        Data(envelope)["invoices"]![0]!["costCentre"] = new JsonObject { ["code"] = 7 };

        var result = EnvelopeParser.Parse(envelope.ToJsonString());

        Assert.True(result.IsValid, EnvelopeAssert.Describe(result.Errors));
        Assert.Equal("R03", result.Document["data"]!["returnReason"]!.GetValue<string>());
        Assert.Equal(7, result.Document["data"]!["invoices"]![0]!["costCentre"]!["code"]!.GetValue<int>());
    }

    [Fact]
    public void Parse_WhenBodyIsAnSnsNotificationWrapper_RefusesIt()
    {
        var wrapped = new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = "0b8a7b1c",
            ["TopicArn"] = "arn:aws:sns:eu-west-1:123456789012:remittance-enriched",
            ["Message"] = File.ReadAllText(EnvelopeAssert.ExamplePath),
        };

        var result = EnvelopeParser.Parse(wrapped.ToJsonString());

        Assert.False(result.IsValid);
        Assert.Equal(["eventId", "eventType", "eventVersion", "occurredAt", "data"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.MissingField, e.Code));
    }

    [Theory]
    [InlineData(null, ErrorCodes.EmptyBody)]
    [InlineData("  ", ErrorCodes.EmptyBody)]
    [InlineData("{\"eventId\":", ErrorCodes.MalformedJson)]
    [InlineData("[{}]", ErrorCodes.NotAnObject)]
    public void Parse_WhenBodyIsNotAnObject_StopsWithOneError(string? body, string code)
    {
        var result = EnvelopeParser.Parse(body);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("$", code), (error.Field, error.Code));
        Assert.Null(result.Document);
        Assert.Null(result.RequestId);
    }

    [Fact]
    public void Parse_WhenAPropertyIsRepeated_RefusesItWithoutADocument()
    {
        var body = File.ReadAllText(EnvelopeAssert.ExamplePath).Replace("\"amount\": \"1250.00\",", "\"amount\": \"1250.00\", \"amount\": \"1.00\",", StringComparison.Ordinal);

        var result = EnvelopeParser.Parse(body);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("data.amount", ErrorCodes.DuplicateProperty), (error.Field, error.Code));
        Assert.Null(result.Document);
        Assert.Equal("acme-bank-2026-11-21-000001", result.RequestId);
    }

    private static JsonObject Example() => JsonNode.Parse(File.ReadAllText(EnvelopeAssert.ExamplePath))!.AsObject();

    private static JsonObject Data(JsonObject envelope) => envelope["data"]!.AsObject();
}
