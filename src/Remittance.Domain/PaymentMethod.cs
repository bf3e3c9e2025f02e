namespace Remittance.Domain;

/// <summary>The rail the payment travelled on. Wire values are the upper-case names, e.g. <c>ACH</c>.</summary>
public enum PaymentMethod
{
    Ach,
    Wire,
    Sepa,
    Swift,
    Rtp,
    Check,
}
