namespace Remittance.Domain;

/// <summary>
/// The codes a partner message can be refused with. They are part of the contract (partners automate on them), so
/// existing values never change meaning; new ones may be added.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The body is null, empty or only whitespace.</summary>
    public const string EmptyBody = "EMPTY_BODY";

    /// <summary>The body is not JSON (the message gives line and byte, both counted from 1).</summary>
    public const string MalformedJson = "MALFORMED_JSON";

    /// <summary>Objects and arrays nest deeper than <see cref="PartnerMessageParser.MaxDepth"/> levels.</summary>
    public const string NestingTooDeep = "NESTING_TOO_DEEP";

    /// <summary>The body is JSON but not an object.</summary>
    public const string NotAnObject = "NOT_AN_OBJECT";

    /// <summary>An object has the same property name twice, so which value counts would be a guess.</summary>
    public const string DuplicateProperty = "DUPLICATE_PROPERTY";

    public const string MissingField = "MISSING_FIELD";

    /// <summary>A value of the wrong JSON type, e.g. a number where a string is required.</summary>
    public const string WrongType = "WRONG_TYPE";

    public const string InvalidFormat = "INVALID_FORMAT";

    /// <summary>A length, count or value outside its bounds.</summary>
    public const string OutOfRange = "OUT_OF_RANGE";

    /// <summary>Text with a control character, an unassigned code point or an unpaired surrogate.</summary>
    public const string InvalidCharacter = "INVALID_CHARACTER";

    /// <summary>Text that starts or ends with whitespace, or is only whitespace.</summary>
    public const string SurroundingWhitespace = "SURROUNDING_WHITESPACE";

    /// <summary>A string that is not one of the allowed values of an enumerated field.</summary>
    public const string UnknownValue = "UNKNOWN_VALUE";

    public const string UnknownCurrency = "UNKNOWN_CURRENCY";

    /// <summary>An ISO 4217 code with no minor unit (precious metal, bond-market unit, SDR, testing, no currency).</summary>
    public const string UnsupportedCurrency = "UNSUPPORTED_CURRENCY";

    /// <summary>The amount has more decimals than the currency's ISO 4217 minor unit.</summary>
    public const string TooManyFractionDigits = "TOO_MANY_FRACTION_DIGITS";

    /// <summary>A date-time without <c>Z</c> or <c>±hh:mm</c>, which would be read in some unknown time zone.</summary>
    public const string MissingUtcOffset = "MISSING_UTC_OFFSET";

    public const string UnknownCountry = "UNKNOWN_COUNTRY";

    public const string DuplicateValue = "DUPLICATE_VALUE";

    /// <summary>A request ID that starts with a key prefix reserved for rejection and conflict records.</summary>
    public const string ReservedPrefix = "RESERVED_PREFIX";

    public const string UnsupportedSchemaVersion = "UNSUPPORTED_SCHEMA_VERSION";
}
