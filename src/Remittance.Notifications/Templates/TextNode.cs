namespace Remittance.Notifications.Templates;

/// <summary>Literal text, copied to the output as written.</summary>
internal sealed record TextNode(string Text, int Line, int Column) : TemplateNode(Line, Column);
