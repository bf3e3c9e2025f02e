namespace Remittance.Notifications.Templates;

/// <summary>One piece of a parsed template; <see cref="Line"/> and <see cref="Column"/> are where it starts (from 1).</summary>
internal abstract record TemplateNode(int Line, int Column);
