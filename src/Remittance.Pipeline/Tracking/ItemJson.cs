using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Tracking;

/// <summary>
/// A stored item as plain JSON, the same shape the stream function gives a new image (numbers keep their exact
/// digits, sets become arrays, binaries base64), so a re-driven run gets the input a first run would have had.
/// </summary>
public static class ItemJson
{
    public static JsonObject ToJsonObject(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var json = new JsonObject();
        foreach (var (name, value) in item)
        {
            json[name] = ToJsonNode(value);
        }

        return json;
    }

    public static JsonNode? ToJsonNode(AttributeValue value)
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
            return ToJsonObject(value.M);
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
            return new JsonArray([.. value.NS.Select(n => (JsonNode?)Number(n))]);
        }

        if (value.B is not null)
        {
            return JsonValue.Create(Convert.ToBase64String(value.B.ToArray()));
        }

        if (value.BS is not null)
        {
            return new JsonArray([.. value.BS.Select(b => (JsonNode?)JsonValue.Create(Convert.ToBase64String(b.ToArray())))]);
        }

        return null;
    }

    private static JsonNode Number(string text)
    {
        try
        {
            // DynamoDB answers numbers in a form that is valid JSON; parsing keeps every one of up to 38 digits.
            if (JsonNode.Parse(text) is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
            {
                return number;
            }
        }
        catch (JsonException)
        {
            // Not JSON as written (".5", "+1"): normalised below.
        }

        return JsonValue.Create(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
    }
}
