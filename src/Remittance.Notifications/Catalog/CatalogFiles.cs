namespace Remittance.Notifications.Catalog;

/// <summary>The layout of a catalog directory; see <c>samples/notifications/README.md</c>.</summary>
internal static class CatalogFiles
{
    public const string Rules = "rules.json";
    public const string Templates = "templates.json";
    public const string TemplateDirectory = "templates";
    public const string TemplateExtension = ".hbs";

    /// <summary>The only <c>formatVersion</c> of both JSON files so far.</summary>
    public const string FormatVersion = "1";
}
