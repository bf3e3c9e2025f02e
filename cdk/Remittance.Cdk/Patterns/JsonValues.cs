using System.Text.Json.Nodes;

namespace Remittance.Cdk.Patterns;

/// <summary>JSON as the plain objects jsii passes to the CDK (dictionaries, arrays, strings, numbers, booleans).</summary>
public static class JsonValues
{
    public static object ToObject(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => ToObject(p.Value)),
        JsonArray a => a.Select(ToObject).ToArray(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => throw new NotSupportedException("JSON null has no CDK value here."),
        _ => throw new NotSupportedException($"JSON value {node.ToJsonString()} is not supported."),
    };
}
