using Remittance.Domain;
using Remittance.Domain.Enrichment;
using Remittance.Notifications.Locales;

namespace Remittance.Notifications;

/// <summary>
/// Chooses the template for a remittance: walks the locale's fallback chain (<c>pt-BR</c> → <c>pt</c> →
/// <c>default</c>; <c>zh-Hant-TW</c> → <c>zh-Hant</c> → <c>zh</c> → <c>default</c>) and takes, at the first key with any
/// matching rule, the most specific one. The language is decided before the rule's specificity: a Portuguese
/// wildcard rule beats a <c>default</c> rule for exactly this payee type and purpose. The locale is
/// <c>payee.locale</c> when present, else the payee country's default (<see cref="CountryLocales"/>).
/// </summary>
public sealed class TemplateSelector(NotificationCatalog catalog)
{
    private readonly NotificationCatalog _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));

    public TemplateSelection Select(EnrichedRemittance remittance)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        var (locale, source) = LocaleOf(remittance.Payee);
        var payeeType = remittance.Payee.Type.ToWire();
        var inputs = $"payeeType={payeeType} purpose={remittance.Purpose} locale={locale}";
        var sourceNote = source == LocaleSource.PayeeLocale ? "payee.locale" : $"default for country {remittance.Payee.Country}";

        var tried = new List<string>();
        foreach (var key in locale.FallbackKeys())
        {
            tried.Add(key);
            if (_catalog.FindRule(remittance.Payee.Type, remittance.Purpose, key) is { } rule)
            {
                var template = _catalog.Templates[rule.TemplateId];
                return new TemplateSelection(locale.ToString(), source, tried, rule, template,
                    $"{inputs} ({sourceNote}): tried {string.Join(", ", tried)} → {rule.Label} → template {template.Id}");
            }
        }

        return new TemplateSelection(locale.ToString(), source, tried, null, null,
            $"no rule for {inputs} ({sourceNote}): tried {string.Join(", ", tried)}");
    }

    private static (LocaleTag Locale, LocaleSource Source) LocaleOf(Payee payee) =>
        LocaleTag.TryParse(payee.Locale, out var locale)
            ? (locale, LocaleSource.PayeeLocale)
            : (CountryLocales.For(payee.Country), LocaleSource.CountryDefault);
}
