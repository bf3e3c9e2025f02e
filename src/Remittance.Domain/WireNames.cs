namespace Remittance.Domain;

/// <summary>
/// The strings enums travel as, in messages and in stored items. Spelled out rather than derived from the enum names
/// so that renaming a member can never silently change the wire format.
/// </summary>
public static class WireNames
{
    public static string ToWire(this RemittanceStatus v) => v switch
    {
        RemittanceStatus.Received => "RECEIVED",
        RemittanceStatus.Running => "RUNNING",
        RemittanceStatus.Enriched => "ENRICHED",
        RemittanceStatus.Notified => "NOTIFIED",
        RemittanceStatus.Failed => "FAILED",
        RemittanceStatus.Rejected => "REJECTED",
        RemittanceStatus.Conflict => "CONFLICT",
        _ => throw Undefined(v),
    };

    public static string ToWire(this PaymentOutcome v) => v switch
    {
        PaymentOutcome.Settled => "SETTLED",
        PaymentOutcome.Returned => "RETURNED",
        PaymentOutcome.Rejected => "REJECTED",
        _ => throw Undefined(v),
    };

    public static string ToWire(this PaymentMethod v) => v switch
    {
        PaymentMethod.Ach => "ACH",
        PaymentMethod.Wire => "WIRE",
        PaymentMethod.Sepa => "SEPA",
        PaymentMethod.Swift => "SWIFT",
        PaymentMethod.Rtp => "RTP",
        PaymentMethod.Check => "CHECK",
        _ => throw Undefined(v),
    };

    public static string ToWire(this PayeeType v) => v switch
    {
        PayeeType.Business => "BUSINESS",
        PayeeType.Individual => "INDIVIDUAL",
        _ => throw Undefined(v),
    };

    /// <summary>Exact and case-sensitive, like every wire value.</summary>
    public static bool TryParseStatus(string? s, out RemittanceStatus status) => TryParse(s, ToWire, out status);

    public static bool TryParseOutcome(string? s, out PaymentOutcome outcome) => TryParse(s, ToWire, out outcome);

    public static bool TryParsePaymentMethod(string? s, out PaymentMethod method) => TryParse(s, ToWire, out method);

    public static bool TryParsePayeeType(string? s, out PayeeType type) => TryParse(s, ToWire, out type);

    /// <summary>The wire values of every member of <typeparamref name="T"/>, in declaration order.</summary>
    public static IReadOnlyList<string> AllOf<T>(Func<T, string> toWire)
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(toWire)];

    private static bool TryParse<T>(string? s, Func<T, string> toWire, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Members<T>.All)
        {
            if (string.Equals(toWire(candidate), s, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    // Enum.GetValues returns a new array each call, and every message parses three enums.
    private static class Members<T>
        where T : struct, Enum
    {
        public static readonly T[] All = Enum.GetValues<T>();
    }

    private static ArgumentOutOfRangeException Undefined<T>(T value)
        where T : struct, Enum =>
        new(nameof(value), value, $"{typeof(T).Name} has no wire name for {value}.");
}
