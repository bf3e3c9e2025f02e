using System.Text.Json.Nodes;
using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

public sealed class PartnerMessageParserTests
{
    [Fact]
    public void Parse_WhenMessageIsValid_ReturnsEveryField()
    {
        var result = PartnerMessageParser.Parse(ValidMessage.Json());

        var message = ParseAssert.Valid(result);
        Assert.Equal("1", message.SchemaVersion);
        Assert.Equal(ValidMessage.RequestId, message.RequestId);
        Assert.Equal(ValidMessage.RequestId, result.RequestId);
        Assert.Equal("acme-bank", message.PartnerId);
        Assert.Equal("ACME-STL-20261121-0001", message.PartnerReference);
        Assert.Equal(PaymentOutcome.Settled, message.Outcome);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 15, 0, TimeSpan.Zero), message.SettledAt);
        Assert.Equal(1250.00m, message.Amount);
        Assert.Equal("1250.00", message.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("USD", message.Currency.Code);
        Assert.Equal(PaymentMethod.Ach, message.PaymentMethod);
        Assert.Equal(new Payee("payee-7f3a", PayeeType.Business, "US", "en-US"), message.Payee);
        Assert.Equal(["INV-2026-0042", "INV-2026-0043"], message.InvoiceIds);
    }

    [Fact]
    public void Parse_WhenMessageHasUnknownFields_KeepsThemInTheDocument()
    {
        var body = ValidMessage.Create();
        body["memo"] = "November consolidated payment";
        body["partnerMetadata"] = new JsonObject { ["batchId"] = "B-7", ["channel"] = new JsonObject { ["version"] = 3 } };
        ((JsonObject)body["payee"]!)["segment"] = "smb";

        var result = PartnerMessageParser.Parse(body.ToJsonString());

        Assert.True(result.IsValid, ParseAssert.Describe(result.Errors));
        Assert.Equal("November consolidated payment", (string?)result.Document["memo"]);
        Assert.Equal(3, (int?)result.Document["partnerMetadata"]!["channel"]!["version"]);
        Assert.Equal("smb", (string?)result.Document["payee"]!["segment"]);
        Assert.True(JsonNode.DeepEquals(body, result.Document));
    }

    [Fact]
    public void Parse_WhenSchemaVersionIsAbsent_AssumesVersionOne()
    {
        var result = PartnerMessageParser.Parse(ValidMessage.With("schemaVersion", null));

        Assert.Equal("1", ParseAssert.Valid(result).SchemaVersion);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public void Parse_WhenLocaleIsAbsentOrNull_HasNoLocale(string? locale)
    {
        var result = PartnerMessageParser.Parse(ValidMessage.With("payee.locale", locale));

        Assert.Null(ParseAssert.Valid(result).Payee.Locale);
    }

    [Fact]
    public void Parse_WhenSeveralFieldsAreWrong_ReportsEveryErrorInContractOrder()
    {
        var body = ValidMessage.Create();
        body.Remove("partnerReference");
        body["outcome"] = "PAID";
        body["amount"] = 12.5;
        body["currency"] = "usd";
        body["payee"]!["country"] = "ZZ";
        body["invoiceIds"] = new JsonArray("INV-1", "INV-1");

        var result = PartnerMessageParser.Parse(body.ToJsonString());

        Assert.False(result.IsValid);
        Assert.Equal(
            [
                ("partnerReference", ErrorCodes.MissingField),
                ("outcome", ErrorCodes.UnknownValue),
                ("amount", ErrorCodes.WrongType),
                ("currency", ErrorCodes.InvalidFormat),
                ("payee.country", ErrorCodes.UnknownCountry),
                ("invoiceIds[1]", ErrorCodes.DuplicateValue),
            ],
            result.Errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Parse_WhenOnlyOtherFieldsAreInvalid_StillReturnsTheRequestIdAndDocument()
    {
        var result = PartnerMessageParser.Parse(ValidMessage.With("amount", "\"-5\""));

        Assert.False(result.IsValid);
        Assert.Equal(ValidMessage.RequestId, result.RequestId);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Parse_WhenRequestIdIsInvalid_ReturnsNoRequestId()
    {
        var result = PartnerMessageParser.Parse(ValidMessage.With("requestId", "\"CONFLICT#abc\""));

        ParseAssert.SingleError(result, "requestId", ErrorCodes.ReservedPrefix);
        Assert.Null(result.RequestId);
    }

    [Fact]
    public void Parse_WhenBodyHasEveryFieldMissing_ReportsEachRequiredField()
    {
        var result = PartnerMessageParser.Parse("{}");

        Assert.Equal(PartnerMessageFields.Required, result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCodes.MissingField, e.Code));
        Assert.Equal("requestId is required", result.Errors[0].Message);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public void Parse_WhenFieldNameHasWrongCase_SaysWhatWasFound()
    {
        var body = ValidMessage.Create();
        body.Remove("requestId");
        body["RequestID"] = "abc";

        var error = ParseAssert.SingleError(PartnerMessageParser.Parse(body.ToJsonString()), "requestId", ErrorCodes.MissingField);

        Assert.Contains("'RequestID'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenValueIsHuge_QuotesOnlyTheStartOfIt()
    {
        var huge = new string('x', 10_000);

        var error = ParseAssert.SingleError(
            PartnerMessageParser.Parse(ValidMessage.With("partnerId", $"\"{huge}\"")), "partnerId", ErrorCodes.OutOfRange);

        Assert.True(error.Message.Length < 200, error.Message);
        Assert.Contains(new string('x', 64) + "…'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WhenValueHasControlCharacters_QuotesThemEscaped()
    {
        var error = ParseAssert.SingleError(
            PartnerMessageParser.Parse(ValidMessage.With("partnerId", "\"acme\\u0007bank\"")), "partnerId", ErrorCodes.InvalidCharacter);

        Assert.Equal(
            "partnerId 'acme\\u0007bank' contains a control character (U+0007) at character 5; only printable Unicode is allowed",
            error.Message);
    }
}
