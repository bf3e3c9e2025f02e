using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Storage;

/// <summary>
/// Lossless mapping between JSON and DynamoDB attribute values, so a partner message is stored as a map with every
/// field (unknown ones included) and numbers keep their exact text.
/// </summary>
public static class AttributeValueJson
{
    public static AttributeValue FromJson(JsonNode? node) => node switch
    {
        null => new AttributeValue { NULL = true },
        JsonObject obj => new AttributeValue { M = FromJsonObject(obj) },
        JsonArray array => new AttributeValue { L = [.. array.Select(FromJson)] },
        JsonValue value => FromJsonValue(value),
        _ => throw new ArgumentException($"Unsupported JSON node {node.GetType().Name}.", nameof(node)),
    };

    public static Dictionary<string, AttributeValue> FromJsonObject(JsonObject obj)
    {
        var map = new Dictionary<string, AttributeValue>(obj.Count, StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            map[name] = FromJson(value);
        }

        return map;
    }

    /// <summary>The same map as <see cref="FromJsonObject(JsonObject)"/> of the element's node form, read without building the nodes.</summary>
    public static Dictionary<string, AttributeValue> FromJsonObject(JsonElement obj)
    {
        var map = new Dictionary<string, AttributeValue>(obj.GetPropertyCount(), StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            map[property.Name] = FromJson(property.Value);
        }

        return map;
    }

    public static AttributeValue FromJson(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                return new AttributeValue { M = FromJsonObject(element) };
            case JsonValueKind.Array:
                var list = new List<AttributeValue>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return new AttributeValue { L = list };
            default:
                return FromJsonValue(element);
        }
    }

    private static AttributeValue FromJsonValue(JsonValue value) => FromJsonValue(value.GetValue<JsonElement>());

    private static AttributeValue FromJsonValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => new AttributeValue { S = element.GetString() },
        // The raw text keeps the partner's exact digits; DynamoDB rejects numbers it cannot hold.
        JsonValueKind.Number => new AttributeValue { N = element.GetRawText() },
        JsonValueKind.True => new AttributeValue { BOOL = true },
        JsonValueKind.False => new AttributeValue { BOOL = false },
        JsonValueKind.Null => new AttributeValue { NULL = true },
        _ => throw new ArgumentException($"Unsupported JSON value kind {element.ValueKind}.", nameof(element)),
    };

    /// <summary>
    /// The reverse mapping, for items read back with the SDK: the same shape the stream function gives a new image
    /// (numbers keep their exact digits, sets become arrays, binaries base64), so a re-driven run gets the input a
    /// first run would have had.
    /// </summary>
    public static JsonNode? ToJson(AttributeValue value) => value switch
    {
        { S: { } text } => JsonValue.Create(text),
        { N: { } number } => JsonNode.Parse(number),
        { BOOL: { } flag } => JsonValue.Create(flag),
        { M: { } map } => ToJsonObject(map),
        { L: { } list } => new JsonArray([.. list.Select(ToJson)]),
        { SS: { } strings } => new JsonArray([.. strings.Select(s => (JsonNode?)JsonValue.Create(s))]),
        { NS: { } numbers } => new JsonArray([.. numbers.Select(n => JsonNode.Parse(n))]),
        { B: { } binary } => JsonValue.Create(Convert.ToBase64String(binary.ToArray())),
        { BS: { } binaries } => new JsonArray([.. binaries.Select(b => (JsonNode?)JsonValue.Create(Convert.ToBase64String(b.ToArray())))]),
        _ => null,
    };

    public static JsonObject ToJsonObject(IReadOnlyDictionary<string, AttributeValue> map)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in map)
        {
            obj[name] = ToJson(value);
        }

        return obj;
    }
}
