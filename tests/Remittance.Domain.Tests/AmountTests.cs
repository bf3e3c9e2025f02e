using System.Globalization;
using System.Text.Json.Nodes;
using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

public sealed class AmountTests
{
    [Theory]
    [InlineData("JPY", "1500")]
    [InlineData("KRW", "2500000")]
    [InlineData("USD", "1")]
    [InlineData("USD", "1.5")]
    [InlineData("USD", "1.50")]
    [InlineData("KWD", "125.750")]
    [InlineData("BHD", "0.001")]
    [InlineData("CLF", "12.3456")]
    [InlineData("UYW", "0.0001")]
    public void Parse_WhenAmountFitsTheCurrencyMinorUnit_KeepsTheExactValueAndScale(string currency, string amount)
    {
        var message = ParseAssert.Valid(PartnerMessageParser.Parse(With(currency, amount)));

        Assert.Equal(amount, message.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(currency, message.Currency.Code);
    }

    [Theory]
    [InlineData("JPY", "10.5", "JPY has 0 decimal places (ISO 4217); amount '10.5' has 1")]
    [InlineData("JPY", "1500.50", "JPY has 0 decimal places (ISO 4217); amount '1500.50' has 2")]
    [InlineData("JPY", "1500.00", "JPY has 0 decimal places (ISO 4217); amount '1500.00' has 2 (trailing zeros count: write '1500')")]
    [InlineData("USD", "1.000", "USD has 2 decimal places (ISO 4217); amount '1.000' has 3 (trailing zeros count: write '1.00')")]
    [InlineData("USD", "1.005", "USD has 2 decimal places (ISO 4217); amount '1.005' has 3")]
    [InlineData("KWD", "1.2345", "KWD has 3 decimal places (ISO 4217); amount '1.2345' has 4")]
    [InlineData("CLF", "1.23456", "CLF has 4 decimal places (ISO 4217); amount '1.23456' has 5")]
    public void Parse_WhenAmountHasTooManyFractionDigits_ReportsExponentError(string currency, string amount, string message)
    {
        var error = ParseAssert.SingleError(PartnerMessageParser.Parse(With(currency, amount)), "amount", ErrorCodes.TooManyFractionDigits);

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Parse_WhenAmountIsAJsonNumber_AsksForAString()
    {
        var error = ParseAssert.SingleError(PartnerMessageParser.Parse(ValidMessage.With("amount", "1250.10")), "amount", ErrorCodes.WrongType);

        Assert.Equal(
            "amount must be a string such as \"1500.50\", not a JSON number, so that no precision is lost; got the number 1250.10",
            error.Message);
    }

    [Fact]
    public void Parse_WhenCurrencyIsInvalid_ReportsTheCurrencyButJudgesNoDecimals()
    {
        var result = PartnerMessageParser.Parse(With("ABC", "1.23456789"));

        var error = ParseAssert.SingleError(result, "currency", ErrorCodes.UnknownCurrency);
        Assert.Equal("currency 'ABC' is not an ISO 4217 currency code", error.Message);
    }

    [Fact]
    public void Parse_WhenAmountAndCurrencyAreBothWrong_ListsAmountFirst()
    {
        var result = PartnerMessageParser.Parse(With("usd", "1,00"));

        Assert.Equal([("amount", ErrorCodes.InvalidFormat), ("currency", ErrorCodes.InvalidFormat)],
            result.Errors.Select(e => (e.Field, e.Code)));
        Assert.Equal("currency 'usd' must be upper case: 'USD'", result.Errors[1].Message);
    }

    [Fact]
    public void Parse_WhenAmountHasEighteenIntegerDigitsAndFourDecimals_IsExact()
    {
        var message = ParseAssert.Valid(PartnerMessageParser.Parse(With("CLF", "999999999999999999.9999")));

        Assert.Equal(999_999_999_999_999_999.9999m, message.Amount);
    }

    private static string With(string currency, string amount)
    {
        var body = ValidMessage.Create();
        body["currency"] = currency;
        body["amount"] = JsonValue.Create(amount);
        return body.ToJsonString();
    }
}
