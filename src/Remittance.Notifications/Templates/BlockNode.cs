namespace Remittance.Notifications.Templates;

/// <summary><c>{{#each|if|unless path}}…{{else}}…{{/…}}</c>.</summary>
/// <param name="Else">Rendered when the block is not: an empty list, a falsy <c>#if</c>, a truthy <c>#unless</c>.</param>
internal sealed record BlockNode(
    BlockKind Kind,
    TemplatePath Path,
    IReadOnlyList<TemplateNode> Body,
    IReadOnlyList<TemplateNode> Else,
    int Line,
    int Column) : TemplateNode(Line, Column)
{
    public static string NameOf(BlockKind kind) => kind switch
    {
        BlockKind.Each => "each",
        BlockKind.If => "if",
        BlockKind.Unless => "unless",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
