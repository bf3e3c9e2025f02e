using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Remittance.Notifications.Catalog;

/// <summary>
/// One JSON object of a catalog file, read strictly: unknown and repeated property names are problems (a typo such
/// as <c>"tempalte"</c> must not silently drop a setting), and so is every missing or mistyped value.
/// </summary>
internal sealed class ConfigObject
{
    private readonly Dictionary<string, JsonElement> _properties = new(StringComparer.Ordinal);
    private readonly string _file;
    private readonly List<CatalogProblem> _problems;

    public ConfigObject(JsonElement element, string file, string path, IReadOnlyList<string> known, List<CatalogProblem> problems)
    {
        _file = file;
        Path = path;
        _problems = problems;
        foreach (var property in element.EnumerateObject())
        {
            if (!_properties.TryAdd(property.Name, property.Value))
            {
                Problem(property.Name, "appears more than once");
            }
            else if (!known.Contains(property.Name))
            {
                var near = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                Problem(property.Name, near is null
                    ? $"unknown property (known: {string.Join(", ", known)})"
                    : $"unknown property; names are case-sensitive: did you mean '{near}'?");
            }
        }
    }

    public string Path { get; }

    public string PathOf(string name) => Path.Length == 0 ? name : Path + "." + name;

    public void Problem(string? name, string message) =>
        _problems.Add(new CatalogProblem(_file, name is null ? Path : PathOf(name), message));

    public bool Has(string name) => _properties.ContainsKey(name);

    public bool TryString(string name, bool required, [NotNullWhen(true)] out string? value)
    {
        value = null;
        if (!_properties.TryGetValue(name, out var element))
        {
            if (required)
            {
                Problem(name, "is missing");
            }

            return false;
        }

        if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text)
        {
            Problem(name, $"must be a string; got {Describe(element)}");
            return false;
        }

        value = text;
        return true;
    }

    public bool TryArray(string name, out JsonElement array)
    {
        array = default;
        if (!_properties.TryGetValue(name, out var element))
        {
            Problem(name, "is missing");
            return false;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            Problem(name, $"must be an array; got {Describe(element)}");
            return false;
        }

        array = element;
        return true;
    }

    /// <summary>Checks <c>formatVersion</c>, which every catalog file starts with.</summary>
    public void CheckFormatVersion()
    {
        if (TryString("formatVersion", required: true, out var version) && version != CatalogFiles.FormatVersion)
        {
            Problem("formatVersion", $"'{version}' is not supported; the only version is '{CatalogFiles.FormatVersion}'");
        }
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
