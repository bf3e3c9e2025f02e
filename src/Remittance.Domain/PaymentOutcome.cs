namespace Remittance.Domain;

/// <summary>What the partner's bank did with the payment. Wire values: <c>SETTLED</c>, <c>RETURNED</c>, <c>REJECTED</c>.</summary>
public enum PaymentOutcome
{
    Settled,
    Returned,
    Rejected,
}
