namespace Remittance.Domain;

/// <summary>Wire values: <c>BUSINESS</c>, <c>INDIVIDUAL</c>.</summary>
public enum PayeeType
{
    Business,
    Individual,
}
