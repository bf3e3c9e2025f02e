using System.Text.Json;

namespace Remittance.Notifications.Catalog;

/// <summary>Reads a catalog JSON file whose top level must be an object.</summary>
internal static class ConfigFile
{
    public static bool TryRead(string directory, string file, List<CatalogProblem> problems, out JsonElement root)
    {
        root = default;
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            problems.Add(new CatalogProblem(file, string.Empty, "is missing"));
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            root = document.RootElement.Clone();
        }
        catch (JsonException failure)
        {
            problems.Add(new CatalogProblem(file, $"line {failure.LineNumber + 1}, byte {failure.BytePositionInLine + 1}",
                "is not valid JSON: " + Reason(failure)));
            return false;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new CatalogProblem(file, string.Empty, $"must hold a JSON object; got {ConfigObject.Describe(root)}"));
            return false;
        }

        return true;
    }

    private static string Reason(JsonException failure)
    {
        var message = failure.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (position < 0 ? message : message[..position]).TrimEnd();
    }
}
