namespace Remittance.Notifications.Locales;

public enum CurrencyPosition
{
    /// <summary><c>$1,250.00</c>, <c>R$ 1.250,00</c>.</summary>
    Prefix,

    /// <summary><c>1.250,00 €</c>.</summary>
    Suffix,
}
