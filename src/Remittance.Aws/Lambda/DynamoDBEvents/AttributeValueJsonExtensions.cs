using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Remittance.Aws.Lambda.DynamoDBEvents;

/// <summary>
/// Turns DynamoDB JSON into plain JSON (for Step Functions input, logs, domain mapping): numbers become raw JSON
/// numbers with their exact digits, sets become arrays, binaries base64 strings, NULL a JSON null.
/// </summary>
public static class AttributeValueJsonExtensions
{
    public static JsonObject ToJsonObject(this Dictionary<string, DynamoDBEvent.AttributeValue> item)
    {
        var json = new JsonObject();
        foreach (var (name, value) in item)
        {
            json[name] = value.ToJsonNode();
        }

        return json;
    }

    /// <summary>The item as a compact JSON string (the official package's <c>ToJson</c>).</summary>
    public static string ToJson(this Dictionary<string, DynamoDBEvent.AttributeValue> item) => item.ToJsonObject().ToJsonString();

    public static JsonNode? ToJsonNode(this DynamoDBEvent.AttributeValue value)
    {
        if (value.S is not null)
        {
            return JsonValue.Create(value.S);
        }

        if (value.N is not null)
        {
            return Number(value.N);
        }

        if (value.BOOL is { } flag)
        {
            return JsonValue.Create(flag);
        }

        if (value.M is not null)
        {
            return value.M.ToJsonObject();
        }

        if (value.L is not null)
        {
            return new JsonArray([.. value.L.Select(ToJsonNode)]);
        }

        if (value.SS is not null)
        {
            return new JsonArray([.. value.SS.Select(s => (JsonNode?)JsonValue.Create(s))]);
        }

        if (value.NS is not null)
        {
            return new JsonArray([.. value.NS.Select(Number)]);
        }

        if (value.B is not null)
        {
            return JsonValue.Create(Convert.ToBase64String(value.B.ToArray()));
        }

        if (value.BS is not null)
        {
            return new JsonArray([.. value.BS.Select(b => (JsonNode?)JsonValue.Create(Convert.ToBase64String(b.ToArray())))]);
        }

        if (value.NULL is true)
        {
            return null;
        }

        throw new ArgumentException("The attribute value has no member set.", nameof(value));
    }

    private static JsonNode Number(string text)
    {
        // DynamoDB returns numbers in a canonical form that is already valid JSON; parsing keeps all 38 digits.
        // Anything else (".5", "+1") is normalised through decimal rather than rejected.
        if (IsJsonNumber(text))
        {
            return JsonNode.Parse(text)!;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return JsonValue.Create(parsed);
        }

        throw new FormatException($"'{text}' is not a DynamoDB number.");
    }

    private static bool IsJsonNumber(string text)
    {
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
