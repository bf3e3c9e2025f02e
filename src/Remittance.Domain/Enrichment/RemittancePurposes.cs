namespace Remittance.Domain.Enrichment;

/// <summary>
/// What a notification about a remittance is for. Derived from the outcome alone, so that both services agree:
/// a settled payment is announced as a remittance advice; a payment the bank returned or rejected did not reach the
/// payee, and both are announced as a returned payment (the payee has not been paid either way).
/// </summary>
public static class RemittancePurposes
{
    public const string RemittanceAdvice = "REMITTANCE_ADVICE";
    public const string ReturnedPayment = "RETURNED_PAYMENT";

    /// <summary>Every purpose, in the order documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [RemittanceAdvice, ReturnedPayment];

    /// <summary><c>SETTLED</c> → <c>REMITTANCE_ADVICE</c>; <c>RETURNED</c> and <c>REJECTED</c> → <c>RETURNED_PAYMENT</c>.</summary>
    public static string For(PaymentOutcome outcome) => outcome switch
    {
        PaymentOutcome.Settled => RemittanceAdvice,
        PaymentOutcome.Returned or PaymentOutcome.Rejected => ReturnedPayment,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "No purpose is defined for this outcome."),
    };

    public static bool IsKnown(string? purpose) => purpose is RemittanceAdvice or ReturnedPayment;
}
