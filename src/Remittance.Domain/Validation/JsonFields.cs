using System.Text.Json;

namespace Remittance.Domain.Validation;

/// <summary>
/// The properties of one JSON object, looked up by exact name. A repeated name yields nothing here: the duplicate is
/// reported once, for the whole body, by <see cref="Parsing.DuplicateProperties"/>.
/// </summary>
internal sealed class JsonFields
{
    private readonly Dictionary<string, (JsonElement Value, bool Repeated)> _byName = new(StringComparer.Ordinal);

    public JsonFields(JsonElement obj, string path)
    {
        Path = path;
        foreach (var property in obj.EnumerateObject())
        {
            _byName[property.Name] = _byName.TryGetValue(property.Name, out var first)
                ? (first.Value, true)
                : (property.Value, false);
        }
    }

    public string Path { get; }

    public string PathOf(string name) => JsonPath.Child(Path, name);

    /// <summary>Reports a missing property; false also when it is repeated.</summary>
    public bool TryRequired(string name, List<ValidationError> errors, out JsonElement value)
    {
        if (_byName.TryGetValue(name, out var found))
        {
            value = found.Value;
            return !found.Repeated;
        }

        errors.Add(new ValidationError(PathOf(name), ErrorCodes.MissingField, $"{PathOf(name)} is required{NearMiss(name)}"));
        value = default;
        return false;
    }

    /// <summary>False when the property is absent, null or repeated: optional fields may be sent as null.</summary>
    public bool TryOptional(string name, out JsonElement value)
    {
        if (_byName.TryGetValue(name, out var found) && !found.Repeated && found.Value.ValueKind != JsonValueKind.Null)
        {
            value = found.Value;
            return true;
        }

        value = default;
        return false;
    }

    // "RequestID" or "request_id" instead of "requestId" is the most common way to "miss" a field.
    private string NearMiss(string name)
    {
        var wanted = Simplify(name);
        var near = _byName.Keys.FirstOrDefault(key => string.Equals(Simplify(key), wanted, StringComparison.OrdinalIgnoreCase));
        return near is null ? string.Empty : $" (found {Quote.Text(near)}; property names are case-sensitive)";
    }

    private static string Simplify(string name) =>
        name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
