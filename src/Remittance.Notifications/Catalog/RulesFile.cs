using System.Text.Json;
using Remittance.Domain;
using Remittance.Domain.Enrichment;
using Remittance.Notifications.Locales;

namespace Remittance.Notifications.Catalog;

/// <summary>
/// Reads <c>rules.json</c> rule by rule. A rule whose payee type, purpose or locale could never equal what a
/// remittance has is refused as "can never match"; a rule naming an unknown template is refused but still takes part
/// in the coverage checks, so one typo gives one problem rather than a cascade.
/// </summary>
internal static class RulesFile
{
    private const string File = CatalogFiles.Rules;
    private static readonly string[] s_topLevel = ["formatVersion", "rules"];
    private static readonly string[] s_ruleProperties = ["payeeType", "purpose", "locale", "template"];

    public static RulesLoad Load(string directory, TemplatesLoad templates, List<CatalogProblem> problems)
    {
        var rules = new List<NotificationRule>();
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        if (!ConfigFile.TryRead(directory, File, problems, out var root))
        {
            return new RulesLoad(rules, referenced, false);
        }

        var top = new ConfigObject(root, File, string.Empty, s_topLevel, problems);
        top.CheckFormatVersion();
        if (!top.TryArray("rules", out var array))
        {
            return new RulesLoad(rules, referenced, false);
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"rules[{index}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new CatalogProblem(File, path, $"must be an object; got {ConfigObject.Describe(item)}"));
            }
            else if (Rule(new ConfigObject(item, File, path, s_ruleProperties, problems), index, templates, referenced) is { } rule)
            {
                rules.Add(rule);
            }

            index++;
        }

        if (index == 0)
        {
            top.Problem("rules", "is empty");
        }

        return new RulesLoad(rules, referenced, index > 0);
    }

    private static NotificationRule? Rule(ConfigObject entry, int index, TemplatesLoad templates, HashSet<string> referenced)
    {
        var payeeTypeIsValid = TryPayeeType(entry, out var payeeType);
        var purposeIsValid = TryPurpose(entry, out var purpose);
        var locale = Locale(entry);
        var templateId = Template(entry, templates);
        if (templateId is not null)
        {
            referenced.Add(templateId);
        }

        return payeeTypeIsValid && purposeIsValid && locale is not null && templateId is not null
            ? new NotificationRule(index, payeeType, purpose, locale, templateId)
            : null;
    }

    private static bool TryPayeeType(ConfigObject entry, out PayeeType? payeeType)
    {
        payeeType = null;
        if (!entry.TryString("payeeType", required: true, out var text))
        {
            return false;
        }

        if (text == NotificationRule.Wildcard)
        {
            return true;
        }

        if (WireNames.TryParsePayeeType(text, out var parsed))
        {
            payeeType = parsed;
            return true;
        }

        var values = string.Join(", ", WireNames.AllOf<PayeeType>(WireNames.ToWire));
        entry.Problem("payeeType", $"'{text}' can never match: payee types are {values}, or {NotificationRule.Wildcard} for any");
        return false;
    }

    private static bool TryPurpose(ConfigObject entry, out string? purpose)
    {
        purpose = null;
        if (!entry.TryString("purpose", required: true, out var text))
        {
            return false;
        }

        if (text == NotificationRule.Wildcard)
        {
            return true;
        }

        if (RemittancePurposes.IsKnown(text))
        {
            purpose = text;
            return true;
        }

        entry.Problem("purpose", $"'{text}' can never match: purposes are {string.Join(", ", RemittancePurposes.All)}, or {NotificationRule.Wildcard} for any");
        return false;
    }

    /// <summary>The canonical key (<c>default</c>, <c>pt-BR</c>); the case of a tag is free, as in BCP 47.</summary>
    private static string? Locale(ConfigObject entry)
    {
        if (!entry.TryString("locale", required: true, out var text))
        {
            return null;
        }

        if (text == LocaleTag.DefaultKey)
        {
            return text;
        }

        if (!LocaleTag.TryParse(text, out var tag, out var hadOtherSubtags))
        {
            entry.Problem("locale", $"'{text}' is neither '{LocaleTag.DefaultKey}' nor a language tag such as 'de', 'pt-BR' or 'zh-Hant-TW'");
            return null;
        }

        if (hadOtherSubtags)
        {
            entry.Problem("locale", $"'{text}' can never match: a payee's locale is looked up by language, script and region only (e.g. '{tag}')");
            return null;
        }

        return tag.ToString();
    }

    private static string? Template(ConfigObject entry, TemplatesLoad templates)
    {
        if (!entry.TryString("template", required: true, out var id))
        {
            return null;
        }

        if (templates.IsReadable && !templates.DeclaredIds.ContainsKey(id))
        {
            var near = templates.DeclaredIds.Keys.FirstOrDefault(k => string.Equals(k, id, StringComparison.OrdinalIgnoreCase));
            entry.Problem("template", near is null
                ? $"unknown template ID '{id}': {CatalogFiles.Templates} has no such template"
                : $"unknown template ID '{id}'; IDs are case-sensitive: did you mean '{near}'?");
        }

        return id;
    }
}
