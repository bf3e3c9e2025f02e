namespace Remittance.Notifications.Templates;

/// <summary>The properties a template may reference in one scope, checked when the catalog loads.</summary>
internal sealed class ModelShape(IReadOnlyDictionary<string, FieldShape> fields)
{
    public IReadOnlyDictionary<string, FieldShape> Fields { get; } = fields;

    public static ModelShape Of(params (string Name, FieldShape Shape)[] fields) =>
        new(fields.ToDictionary(f => f.Name, f => f.Shape, StringComparer.Ordinal));

    public string Names() => string.Join(", ", Fields.Keys.Order(StringComparer.Ordinal));
}
