namespace Remittance.Notifications.Templates;

/// <summary><c>{{path}}</c>: a value, HTML-escaped in EMAIL bodies.</summary>
internal sealed record ValueNode(TemplatePath Path, int Line, int Column) : TemplateNode(Line, Column);
