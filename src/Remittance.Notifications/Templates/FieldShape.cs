namespace Remittance.Notifications.Templates;

/// <param name="Shape">The object's properties, or a list item's; null for a scalar.</param>
internal sealed record FieldShape(FieldKind Kind, ModelShape? Shape)
{
    public static FieldShape Scalar { get; } = new(FieldKind.Scalar, null);

    public static FieldShape ObjectOf(ModelShape shape) => new(FieldKind.Object, shape);

    public static FieldShape ListOf(ModelShape item) => new(FieldKind.List, item);

    public string Describe() => Kind switch
    {
        FieldKind.Scalar => "a value",
        FieldKind.Object => "an object",
        _ => "a list",
    };
}
