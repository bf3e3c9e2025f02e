namespace Remittance.Notifications.Templates;

/// <summary>A problem in a template's text, at a position people can find in an editor (both counted from 1).</summary>
public sealed record TemplateIssue(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
