namespace Remittance.Notifications.Templates;

/// <summary>A template's text and its syntax tree, parsed once when the catalog loads.</summary>
internal sealed record ParsedTemplate(string Source, IReadOnlyList<TemplateNode> Nodes);
