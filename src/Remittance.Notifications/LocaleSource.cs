namespace Remittance.Notifications;

/// <summary>Where the locale of a notification came from.</summary>
public enum LocaleSource
{
    /// <summary><c>payee.locale</c> as the partner sent it.</summary>
    PayeeLocale,

    /// <summary>The payee sent no (usable) locale: the default language of <c>payee.country</c>, or English.</summary>
    CountryDefault,
}
