namespace Remittance.Notifications;

/// <summary>One thing wrong with a catalog.</summary>
/// <param name="File">Relative to the catalog directory: <c>rules.json</c>, <c>templates.json</c>, <c>templates/x.hbs</c>.</param>
/// <param name="Location">Where in it: <c>rules[3].template</c>, <c>templates[2] 'id'.subject</c>, <c>line 4, column 7</c>; empty for the whole file.</param>
public sealed record CatalogProblem(string File, string Location, string Message)
{
    public override string ToString() => Location.Length == 0 ? $"{File}: {Message}" : $"{File}: {Location}: {Message}";
}
