using Remittance.Domain.Tests.Support;

namespace Remittance.Domain.Tests;

/// <summary>Every way each field can be wrong, one change from a valid message at a time.</summary>
public sealed class FieldValidationTests
{
    private static readonly string s_cjk129 = "\"" + string.Concat(Enumerable.Repeat("請", 129)) + "\"";

    public static TheoryData<string, string?, string, string> Failures => new()
    {
        // path, new value as JSON (null removes it), expected field, expected code
        { "schemaVersion", "\"2\"", "schemaVersion", ErrorCodes.UnsupportedSchemaVersion },
        { "schemaVersion", "1", "schemaVersion", ErrorCodes.WrongType },
        { "requestId", null, "requestId", ErrorCodes.MissingField },
        { "requestId", "null", "requestId", ErrorCodes.WrongType },
        { "requestId", "42", "requestId", ErrorCodes.WrongType },
        { "requestId", "\"\"", "requestId", ErrorCodes.OutOfRange },
        { "requestId", "\"   \"", "requestId", ErrorCodes.SurroundingWhitespace },
        { "requestId", "\" abc\"", "requestId", ErrorCodes.SurroundingWhitespace },
        { "requestId", "\"abc\\t\"", "requestId", ErrorCodes.InvalidCharacter },
        { "requestId", "\"abc\\u00a0\"", "requestId", ErrorCodes.SurroundingWhitespace },
        { "requestId", "\"ab\\u0000c\"", "requestId", ErrorCodes.InvalidCharacter },
        { "requestId", "\"ab\\u009fc\"", "requestId", ErrorCodes.InvalidCharacter },
        { "requestId", "\"ab\\u0378c\"", "requestId", ErrorCodes.InvalidCharacter },
        { "requestId", s_cjk129, "requestId", ErrorCodes.OutOfRange },
        { "requestId", "\"REJECTED#abc\"", "requestId", ErrorCodes.ReservedPrefix },
        { "requestId", "\"CONFLICT#abc\"", "requestId", ErrorCodes.ReservedPrefix },
        { "partnerId", null, "partnerId", ErrorCodes.MissingField },
        { "partnerId", "[]", "partnerId", ErrorCodes.WrongType },
        { "partnerId", "\"" + new string('p', 65) + "\"", "partnerId", ErrorCodes.OutOfRange },
        { "partnerId", "\"acme \"", "partnerId", ErrorCodes.SurroundingWhitespace },
        { "partnerReference", null, "partnerReference", ErrorCodes.MissingField },
        { "partnerReference", "\"" + new string('r', 129) + "\"", "partnerReference", ErrorCodes.OutOfRange },
        { "partnerReference", "\"line\\nbreak\"", "partnerReference", ErrorCodes.InvalidCharacter },
        { "outcome", null, "outcome", ErrorCodes.MissingField },
        { "outcome", "\"settled\"", "outcome", ErrorCodes.UnknownValue },
        { "outcome", "\"PAID\"", "outcome", ErrorCodes.UnknownValue },
        { "outcome", "true", "outcome", ErrorCodes.WrongType },
        { "settledAt", null, "settledAt", ErrorCodes.MissingField },
        { "settledAt", "1763720100", "settledAt", ErrorCodes.WrongType },
        { "settledAt", "\"2026-11-21T10:15:00\"", "settledAt", ErrorCodes.MissingUtcOffset },
        { "settledAt", "\"2026-11-21T10:15:00.123\"", "settledAt", ErrorCodes.MissingUtcOffset },
        { "settledAt", "\"2026-11-21\"", "settledAt", ErrorCodes.InvalidFormat },
        { "settledAt", "\"2026-11-21 10:15:00Z\"", "settledAt", ErrorCodes.InvalidFormat },
        { "settledAt", "\"2026-11-21T10:15Z\"", "settledAt", ErrorCodes.InvalidFormat },
        { "settledAt", "\"2026-11-21T10:15:00+0100\"", "settledAt", ErrorCodes.InvalidFormat },
        { "settledAt", "\"21/11/2026 10:15\"", "settledAt", ErrorCodes.InvalidFormat },
        { "settledAt", "\"2026-02-29T10:15:00Z\"", "settledAt", ErrorCodes.OutOfRange },
        { "settledAt", "\"2026-13-01T10:15:00Z\"", "settledAt", ErrorCodes.OutOfRange },
        { "settledAt", "\"2026-11-21T24:00:00Z\"", "settledAt", ErrorCodes.OutOfRange },
        { "settledAt", "\"2026-12-31T23:59:60Z\"", "settledAt", ErrorCodes.OutOfRange },
        { "settledAt", "\"2026-11-21T10:15:00+15:00\"", "settledAt", ErrorCodes.OutOfRange },
        { "settledAt", "\"0000-01-01T00:00:00Z\"", "settledAt", ErrorCodes.OutOfRange },
        { "settledAt", "\"0001-01-01T00:00:00+01:00\"", "settledAt", ErrorCodes.OutOfRange },
        { "amount", null, "amount", ErrorCodes.MissingField },
        { "amount", "1250.00", "amount", ErrorCodes.WrongType },
        { "amount", "true", "amount", ErrorCodes.WrongType },
        { "amount", "\"\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\"-1.00\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\"+1.00\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\"1e3\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\"1,250.00\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\" 1.00\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\"1.\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\".5\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\"１２\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\"NaN\"", "amount", ErrorCodes.InvalidFormat },
        { "amount", "\"0\"", "amount", ErrorCodes.OutOfRange },
        { "amount", "\"0.00\"", "amount", ErrorCodes.OutOfRange },
        { "amount", "\"1234567890123456789\"", "amount", ErrorCodes.OutOfRange },
        { "amount", "\"1.005\"", "amount", ErrorCodes.TooManyFractionDigits },
        { "currency", null, "currency", ErrorCodes.MissingField },
        { "currency", "840", "currency", ErrorCodes.WrongType },
        { "currency", "\"usd\"", "currency", ErrorCodes.InvalidFormat },
        { "currency", "\"ABC\"", "currency", ErrorCodes.UnknownCurrency },
        { "currency", "\"US\"", "currency", ErrorCodes.UnknownCurrency },
        { "currency", "\"HRK\"", "currency", ErrorCodes.UnknownCurrency },
        { "currency", "\"XAU\"", "currency", ErrorCodes.UnsupportedCurrency },
        { "currency", "\"XTS\"", "currency", ErrorCodes.UnsupportedCurrency },
        { "paymentMethod", null, "paymentMethod", ErrorCodes.MissingField },
        { "paymentMethod", "\"ach\"", "paymentMethod", ErrorCodes.UnknownValue },
        { "paymentMethod", "\"CARD\"", "paymentMethod", ErrorCodes.UnknownValue },
        { "payee", null, "payee", ErrorCodes.MissingField },
        { "payee", "\"payee-7f3a\"", "payee", ErrorCodes.WrongType },
        { "payee", "[]", "payee", ErrorCodes.WrongType },
        { "payee.id", null, "payee.id", ErrorCodes.MissingField },
        { "payee.id", "\"\"", "payee.id", ErrorCodes.OutOfRange },
        { "payee.id", "7", "payee.id", ErrorCodes.WrongType },
        { "payee.type", null, "payee.type", ErrorCodes.MissingField },
        { "payee.type", "\"PERSON\"", "payee.type", ErrorCodes.UnknownValue },
        { "payee.country", null, "payee.country", ErrorCodes.MissingField },
        { "payee.country", "\"us\"", "payee.country", ErrorCodes.InvalidFormat },
        { "payee.country", "\"USA\"", "payee.country", ErrorCodes.InvalidFormat },
        { "payee.country", "\"840\"", "payee.country", ErrorCodes.InvalidFormat },
        { "payee.country", "\"ZZ\"", "payee.country", ErrorCodes.UnknownCountry },
        { "payee.country", "\"UK\"", "payee.country", ErrorCodes.UnknownCountry },
        { "payee.locale", "\"en_US\"", "payee.locale", ErrorCodes.InvalidFormat },
        { "payee.locale", "\"e\"", "payee.locale", ErrorCodes.OutOfRange },
        { "payee.locale", "\"12-US\"", "payee.locale", ErrorCodes.InvalidFormat },
        { "payee.locale", "\"en-\"", "payee.locale", ErrorCodes.InvalidFormat },
        { "payee.locale", "\"en US\"", "payee.locale", ErrorCodes.InvalidFormat },
        { "payee.locale", "\"en-US-x-" + new string('a', 30) + "\"", "payee.locale", ErrorCodes.OutOfRange },
        { "payee.locale", "1", "payee.locale", ErrorCodes.WrongType },
        { "invoiceIds", null, "invoiceIds", ErrorCodes.MissingField },
        { "invoiceIds", "\"INV-1\"", "invoiceIds", ErrorCodes.WrongType },
        { "invoiceIds", "[]", "invoiceIds", ErrorCodes.OutOfRange },
        { "invoiceIds", "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"\"INV-{i}\"")) + "]", "invoiceIds", ErrorCodes.OutOfRange },
        { "invoiceIds[1]", "null", "invoiceIds[1]", ErrorCodes.WrongType },
        { "invoiceIds[1]", "\"\"", "invoiceIds[1]", ErrorCodes.OutOfRange },
        { "invoiceIds[1]", "\" INV-9\"", "invoiceIds[1]", ErrorCodes.SurroundingWhitespace },
        { "invoiceIds[1]", "\"" + new string('i', 129) + "\"", "invoiceIds[1]", ErrorCodes.OutOfRange },
        { "invoiceIds[1]", "\"INV-2026-0042\"", "invoiceIds[1]", ErrorCodes.DuplicateValue },
    };

    public static TheoryData<string, string?> Successes => new()
    {
        { "schemaVersion", "\"1\"" },
        { "schemaVersion", "null" },
        { "requestId", "\"a\"" },
        { "requestId", "\"" + new string('r', 128) + "\"" },
        { "requestId", "\"inv #42 / batch 7\"" },
        { "requestId", "\"rejected#lower-case-is-not-reserved\"" },
        { "requestId", "\"e\\u0301\\u0301-combining\"" },
        { "requestId", "\"👨‍👩‍👧-zwj-emoji\"" },
        { "partnerId", "\"" + new string('p', 64) + "\"" },
        { "outcome", "\"RETURNED\"" },
        { "outcome", "\"REJECTED\"" },
        { "settledAt", "\"2026-11-21T11:15:00+01:00\"" },
        { "settledAt", "\"2026-11-21T05:15:00-05:00\"" },
        { "settledAt", "\"2026-11-21T10:15:00-00:00\"" },
        { "settledAt", "\"2026-11-21T10:15:00.123456789Z\"" },
        { "settledAt", "\"2024-02-29T23:59:59+14:00\"" },
        { "amount", "\"0.01\"" },
        { "amount", "\"1\"" },
        { "amount", "\"1.5\"" },
        { "amount", "\"007.50\"" },
        { "amount", "\"999999999999999999.99\"" },
        { "paymentMethod", "\"WIRE\"" },
        { "paymentMethod", "\"SEPA\"" },
        { "paymentMethod", "\"SWIFT\"" },
        { "paymentMethod", "\"RTP\"" },
        { "paymentMethod", "\"CHECK\"" },
        { "payee.type", "\"INDIVIDUAL\"" },
        { "payee.country", "\"XK\"" },
        { "payee.country", "\"AQ\"" },
        { "payee.locale", "\"en\"" },
        { "payee.locale", "\"pt-BR\"" },
        { "payee.locale", "\"zh-Hant-TW\"" },
        { "payee.locale", "\"es-419\"" },
        { "payee.locale", "\"sl-rozaj-biske\"" },
        { "payee.locale", "\"de-DE-u-co-phonebk\"" },
        { "payee.locale", "\"en-us\"" },
        { "invoiceIds", "[" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"INV-{i}\"")) + "]" },
        { "invoiceIds", "[\"inv-1\", \"INV-1\"]" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Parse_WhenOneFieldIsInvalid_ReportsExactlyThatField(string path, string? json, string field, string code)
    {
        var result = PartnerMessageParser.Parse(ValidMessage.With(path, json));

        var error = ParseAssert.SingleError(result, field, code);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.NotNull(result.Document);
    }

    [Theory]
    [MemberData(nameof(Successes))]
    public void Parse_WhenOneFieldHasAnUnusualButValidValue_Accepts(string path, string? json)
    {
        ParseAssert.Valid(PartnerMessageParser.Parse(ValidMessage.With(path, json)));
    }
}
