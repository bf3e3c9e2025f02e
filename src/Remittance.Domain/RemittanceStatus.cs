namespace Remittance.Domain;

/// <summary>Where a stored remittance is in its life. Wire values are the upper-case names, e.g. <c>RECEIVED</c>.</summary>
public enum RemittanceStatus
{
    Received,
    Running,
    Enriched,
    Notified,
    Failed,
    Rejected,
    Conflict,
}
