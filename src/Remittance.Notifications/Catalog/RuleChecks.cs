using Remittance.Domain;
using Remittance.Domain.Enrichment;
using Remittance.Notifications.Locales;

namespace Remittance.Notifications.Catalog;

/// <summary>
/// Checks the rules as a set, against every payee type × purpose a remittance can have: no two rules for the same
/// key, no tie between wildcard rules, no rule that a more specific one always beats, a <c>default</c> rule for every
/// combination (so a payee in an unsupported language still gets a notification), and no unused template.
/// </summary>
internal static class RuleChecks
{
    private const string File = CatalogFiles.Rules;

    public static IEnumerable<(PayeeType PayeeType, string Purpose)> Combinations() =>
        from payeeType in Enum.GetValues<PayeeType>()
        from purpose in RemittancePurposes.All
        select (payeeType, purpose);

    /// <summary>Skipped when <c>rules.json</c> could not be read: every combination would be reported missing.</summary>
    public static void Check(RulesLoad rules, TemplatesLoad templates, List<CatalogProblem> problems)
    {
        if (!rules.IsReadable)
        {
            return;
        }

        var distinct = WithoutDuplicates(rules.Rules, problems);
        foreach (var atLocale in distinct.GroupBy(r => r.Locale, StringComparer.Ordinal))
        {
            CheckLocale(atLocale.Key, [.. atLocale], problems);
        }

        foreach (var (payeeType, purpose) in Combinations())
        {
            if (!distinct.Any(r => r.Locale == LocaleTag.DefaultKey && r.Matches(payeeType, purpose)))
            {
                problems.Add(new CatalogProblem(File, "rules",
                    $"no '{LocaleTag.DefaultKey}' rule covers payeeType={payeeType.ToWire()} purpose={purpose}: a payee whose locale has no rule " +
                    $"would get no notification; add {{\"payeeType\": \"{payeeType.ToWire()}\", \"purpose\": \"{purpose}\", \"locale\": \"{LocaleTag.DefaultKey}\", \"template\": \"…\"}}"));
            }
        }

        if (templates.IsReadable)
        {
            foreach (var (id, index) in templates.DeclaredIds.Where(d => !rules.ReferencedTemplateIds.Contains(d.Key)).OrderBy(d => d.Value))
            {
                problems.Add(new CatalogProblem(CatalogFiles.Templates, $"templates[{index}]", $"template '{id}' is not used by any rule in {File}"));
            }
        }
    }

    private static List<NotificationRule> WithoutDuplicates(IReadOnlyList<NotificationRule> rules, List<CatalogProblem> problems)
    {
        var distinct = new List<NotificationRule>();
        foreach (var rule in rules)
        {
            var first = distinct.FirstOrDefault(r => r.PayeeType == rule.PayeeType && r.Purpose == rule.Purpose && r.Locale == rule.Locale);
            if (first is null)
            {
                distinct.Add(rule);
            }
            else
            {
                problems.Add(new CatalogProblem(File, $"rules[{rule.Index}]",
                    $"duplicate rule: {first.Label} already covers payeeType, purpose and locale {(rule.PayeeType?.ToWire() ?? NotificationRule.Wildcard)}, {rule.Purpose ?? NotificationRule.Wildcard}, {rule.Locale}; only one can apply"));
            }
        }

        return distinct;
    }

    private static void CheckLocale(string locale, List<NotificationRule> rules, List<CatalogProblem> problems)
    {
        var winners = new HashSet<NotificationRule>();
        foreach (var (payeeType, purpose) in Combinations())
        {
            var matching = rules.Where(r => r.Matches(payeeType, purpose)).ToList();
            if (matching.Count == 0)
            {
                continue;
            }

            var best = matching.Max(r => r.Specificity);
            var top = matching.Where(r => r.Specificity == best).ToList();
            winners.UnionWith(top);
            if (top.Count > 1)
            {
                problems.Add(new CatalogProblem(File, $"rules[{top[^1].Index}]",
                    $"ambiguous: {string.Join(" and ", top.Select(r => r.Label))} match payeeType={payeeType.ToWire()} purpose={purpose} " +
                    $"at locale {locale} equally well; add a rule for exactly ({payeeType.ToWire()}, {purpose}, {locale})"));
            }
        }

        foreach (var rule in rules.Where(r => !winners.Contains(r)))
        {
            var betters = rules.Where(r => r != rule && r.Specificity > rule.Specificity && Overlaps(r, rule)).Select(r => $"rules[{r.Index}]");
            problems.Add(new CatalogProblem(File, $"rules[{rule.Index}]",
                $"{rule.Label} can never match: at locale {locale} every payeeType and purpose it covers has a more specific rule ({string.Join(", ", betters)})"));
        }
    }

    private static bool Overlaps(NotificationRule a, NotificationRule b) =>
        Combinations().Any(c => a.Matches(c.PayeeType, c.Purpose) && b.Matches(c.PayeeType, c.Purpose));
}
