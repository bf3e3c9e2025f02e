namespace Remittance.Notifications.Catalog;

/// <summary>What <c>templates.json</c> yielded.</summary>
/// <param name="Templates">The templates without problems, by ID.</param>
/// <param name="DeclaredIds">Every syntactically valid ID, with its index, problems or not: rules naming one are not also reported.</param>
/// <param name="IsReadable">False when the file or its <c>templates</c> array could not be read, so rules' template IDs cannot be checked.</param>
internal sealed record TemplatesLoad(
    IReadOnlyDictionary<string, NotificationTemplate> Templates,
    IReadOnlyDictionary<string, int> DeclaredIds,
    bool IsReadable);
