using System.Text;
using System.Text.Json;

namespace Remittance.Domain.Validation;

/// <summary>
/// The properties of one JSON object, looked up by exact name. A repeated name yields nothing here: the duplicate is
/// reported once, for the whole body, by <see cref="Parsing.DuplicateProperties"/>.
/// </summary>
/// <remarks>
/// When the body is known to repeat no name (the scan says so for nearly every message), lookups search the object's
/// properties in place, starting after the previous hit, so a message in the contract's order costs one comparison
/// per field and no strings. Otherwise every name is read into a dictionary that remembers which ones repeat.
/// </remarks>
internal sealed class JsonFields
{
    private const int MaxStackNameBytes = 256;

    private readonly Dictionary<string, (JsonElement Value, bool Repeated)>? _byName;
    private readonly JsonProperty[] _properties = [];
    private int _next;

    /// <param name="namesMayRepeat">False only when no object of the body repeats a property name.</param>
    public JsonFields(JsonElement obj, string path, bool namesMayRepeat = true)
    {
        Path = path;
        if (!namesMayRepeat)
        {
            _properties = new JsonProperty[obj.GetPropertyCount()];
            var index = 0;
            foreach (var property in obj.EnumerateObject())
            {
                _properties[index++] = property;
            }

            return;
        }

        _byName = new(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            _byName[property.Name] = _byName.TryGetValue(property.Name, out var first)
                ? (first.Value, true)
                : (property.Value, false);
        }
    }

    public string Path { get; }

    /// <summary>Whether the object's names are known to be distinct; the fields of nested objects are read the same way.</summary>
    public bool NamesMayRepeat => _byName is not null;

    public string PathOf(string name) => JsonPath.Child(Path, name);

    /// <summary>Reports a missing property; false also when it is repeated.</summary>
    public bool TryRequired(string name, List<ValidationError> errors, out JsonElement value)
    {
        if (TryFind(name, out var found))
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
        if (TryFind(name, out var found) && !found.Repeated && found.Value.ValueKind != JsonValueKind.Null)
        {
            value = found.Value;
            return true;
        }

        value = default;
        return false;
    }

    private bool TryFind(string name, out (JsonElement Value, bool Repeated) found)
    {
        if (_byName is not null)
        {
            return _byName.TryGetValue(name, out found);
        }

        found = default;
        if (_properties.Length == 0)
        {
            return false;
        }

        // Sized to the name: a stack buffer is cleared before use.
        var maxBytes = Encoding.UTF8.GetMaxByteCount(name.Length);
        var utf8 = maxBytes <= MaxStackNameBytes ? stackalloc byte[maxBytes] : new byte[maxBytes];
        utf8 = utf8[..Encoding.UTF8.GetBytes(name, utf8)];
        for (var step = 0; step < _properties.Length; step++)
        {
            var index = (_next + step) % _properties.Length;
            if (_properties[index].NameEquals(utf8))
            {
                _next = index + 1;
                found = (_properties[index].Value, false);
                return true;
            }
        }

        return false;
    }

    // "RequestID" or "request_id" instead of "requestId" is the most common way to "miss" a field.
    private string NearMiss(string name)
    {
        var wanted = Simplify(name);
        var near = Names().FirstOrDefault(key => string.Equals(Simplify(key), wanted, StringComparison.OrdinalIgnoreCase));
        return near is null ? string.Empty : $" (found {Quote.Text(near)}; property names are case-sensitive)";
    }

    // In the order the names first appear in the object either way.
    private IEnumerable<string> Names() => _byName?.Keys ?? _properties.Select(property => property.Name);

    private static string Simplify(string name) =>
        name.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
}
