namespace Remittance.Notifications.Catalog;

/// <summary>What <c>rules.json</c> yielded.</summary>
/// <param name="Rules">The rules that can match, including those naming an unknown template (reported already).</param>
/// <param name="ReferencedTemplateIds">Every template ID a rule names, valid rule or not, so a typo elsewhere in a rule does not also make its template "unused".</param>
/// <param name="IsReadable">False when the file, or its rules array, could not be read or is empty.</param>
internal sealed record RulesLoad(IReadOnlyList<NotificationRule> Rules, IReadOnlySet<string> ReferencedTemplateIds, bool IsReadable);
