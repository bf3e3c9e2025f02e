namespace Remittance.Notifications.Templates;

internal sealed record ObjectValue(IReadOnlyDictionary<string, TemplateValue> Fields) : TemplateValue
{
    public static ObjectValue Of(params (string Name, TemplateValue Value)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal));
}
