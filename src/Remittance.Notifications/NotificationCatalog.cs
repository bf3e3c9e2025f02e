using Remittance.Domain;
using Remittance.Notifications.Catalog;

namespace Remittance.Notifications;

/// <summary>
/// The templates and the rules that choose among them, loaded from a directory of data files (<c>rules.json</c>,
/// <c>templates.json</c>, <c>templates/*.hbs</c>; format in <c>samples/notifications/README.md</c>). A loaded catalog is
/// valid as a whole: every template parses and uses only known placeholders, every rule can match and names a
/// template, and every payee type × purpose has a <c>default</c> rule. Immutable, so one instance can serve every
/// invocation.
/// </summary>
public sealed class NotificationCatalog
{
    private readonly IReadOnlyDictionary<string, NotificationRule[]> _rulesByLocale;

    private NotificationCatalog(string directory, IReadOnlyDictionary<string, NotificationTemplate> templates, IReadOnlyList<NotificationRule> rules)
    {
        Directory = directory;
        Templates = templates;
        Rules = rules;
        _rulesByLocale = rules.GroupBy(r => r.Locale, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public string Directory { get; }

    public IReadOnlyDictionary<string, NotificationTemplate> Templates { get; }

    /// <summary>In file order.</summary>
    public IReadOnlyList<NotificationRule> Rules { get; }

    /// <exception cref="NotificationCatalogException">Listing every problem found, in every file.</exception>
    public static NotificationCatalog Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            throw new NotificationCatalogException(directory, [new CatalogProblem(directory, string.Empty, "the catalog directory does not exist")]);
        }

        var problems = new List<CatalogProblem>();
        var templates = TemplatesFile.Load(directory, problems);
        var rules = RulesFile.Load(directory, templates, problems);
        RuleChecks.Check(rules, templates, problems);
        return problems.Count > 0
            ? throw new NotificationCatalogException(directory, problems)
            : new NotificationCatalog(directory, templates.Templates, rules.Rules);
    }

    /// <summary>The rule for one locale key (<c>pt-BR</c>, <c>pt</c>, <c>default</c>): the most specific match, which is unique in a loaded catalog.</summary>
    public NotificationRule? FindRule(PayeeType payeeType, string purpose, string localeKey)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(localeKey);
        return _rulesByLocale.TryGetValue(localeKey, out var rules)
            ? rules.Where(r => r.Matches(payeeType, purpose)).MaxBy(r => r.Specificity)
            : null;
    }
}
