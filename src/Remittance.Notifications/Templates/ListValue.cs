namespace Remittance.Notifications.Templates;

internal sealed record ListValue(IReadOnlyList<ObjectValue> Items) : TemplateValue;
