using Remittance.Domain;

namespace Remittance.Notifications;

/// <summary>
/// One line of <c>rules.json</c>: for payees of a type, notifications of a purpose, in a locale, use a template.
/// Among the rules for the same locale key, one naming the payee type or purpose beats a wildcard (<c>*</c>); the
/// catalog refuses rules that tie.
/// </summary>
/// <param name="Index">Position in <c>rules.json</c>, from 0, for messages.</param>
/// <param name="PayeeType">Null for <c>*</c>.</param>
/// <param name="Purpose">Null for <c>*</c>.</param>
/// <param name="Locale"><c>default</c>, or a canonical language[-Script][-REGION] key such as <c>pt-BR</c>.</param>
public sealed record NotificationRule(int Index, PayeeType? PayeeType, string? Purpose, string Locale, string TemplateId)
{
    public const string Wildcard = "*";

    /// <summary>How many of payee type and purpose the rule names: a higher number wins at the same locale.</summary>
    public int Specificity => (PayeeType is null ? 0 : 1) + (Purpose is null ? 0 : 1);

    public bool Matches(PayeeType payeeType, string purpose) =>
        (PayeeType is null || PayeeType == payeeType) && (Purpose is null || Purpose == purpose);

    /// <summary>For messages: <c>rules[3] (BUSINESS, *, de)</c>.</summary>
    public string Label => $"rules[{Index}] ({PayeeType?.ToWire() ?? Wildcard}, {Purpose ?? Wildcard}, {Locale})";
}
