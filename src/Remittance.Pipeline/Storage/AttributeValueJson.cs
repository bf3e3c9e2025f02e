using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Storage;

/// <summary>
/// Lossless mapping from JSON to DynamoDB attribute values, so a partner message is stored as a map with every
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

    private static AttributeValue FromJsonValue(JsonValue value)
    {
        var element = value.GetValue<JsonElement>();
        return element.ValueKind switch
        {
            JsonValueKind.String => new AttributeValue { S = element.GetString() },
            // The raw text keeps the partner's exact digits; DynamoDB rejects numbers it cannot hold.
            JsonValueKind.Number => new AttributeValue { N = element.GetRawText() },
            JsonValueKind.True => new AttributeValue { BOOL = true },
            JsonValueKind.False => new AttributeValue { BOOL = false },
            JsonValueKind.Null => new AttributeValue { NULL = true },
            _ => throw new ArgumentException($"Unsupported JSON value kind {element.ValueKind}.", nameof(value)),
        };
    }
}
