using System.Diagnostics.CodeAnalysis;

namespace Remittance.Notifications;

/// <summary>
/// Which template a remittance gets and how it was chosen, or why none could be: the fallback chain is spelt out
/// either way (<c>tried pt-BR, pt → rules[14]</c>), for the workflow's history and for people.
/// </summary>
public sealed class TemplateSelection
{
    internal TemplateSelection(
        string locale,
        LocaleSource localeSource,
        IReadOnlyList<string> tried,
        NotificationRule? rule,
        NotificationTemplate? template,
        string explanation)
    {
        Locale = locale;
        LocaleSource = localeSource;
        Tried = tried;
        Rule = rule;
        Template = template;
        Explanation = explanation;
    }

    [MemberNotNullWhen(true, nameof(Rule), nameof(Template), nameof(MatchedLocale))]
    public bool IsFound => Rule is not null && Template is not null;

    public NotificationTemplate? Template { get; }

    public NotificationRule? Rule { get; }

    /// <summary>The payee's locale in canonical form (e.g. <c>fr-CA</c>): render with it even when the rule matched <c>fr</c>.</summary>
    public string Locale { get; }

    public LocaleSource LocaleSource { get; }

    /// <summary>The locale keys tried, in order, up to and including the one that matched (all of them on failure).</summary>
    public IReadOnlyList<string> Tried { get; }

    /// <summary>The key of the matching rule: <c>pt-BR</c>, <c>pt</c> or <c>default</c>.</summary>
    public string? MatchedLocale => Rule?.Locale;

    /// <summary>0 for an exact match of the locale, 1 for its first fallback, and so on.</summary>
    public int FallbackLevel => Tried.Count - 1;

    /// <summary>For people: the inputs, the chain tried and the outcome. The failure message when nothing matched.</summary>
    public string Explanation { get; }
}
