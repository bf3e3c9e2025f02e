using System.Text.Json.Nodes;

namespace Remittance.Cdk.Tests.Support;

/// <summary>
/// The part of the event-pattern language (Lambda event filters, EventBridge rules) this app uses: every key of the
/// pattern must be in the event; an object nests, an array lists the values allowed (exact match).
/// </summary>
public static class EventPattern
{
    public static bool Matches(JsonNode? pattern, JsonNode? document) => pattern switch
    {
        JsonObject keys => document is JsonObject fields
                           && keys.All(key => fields.TryGetPropertyValue(key.Key, out var value) && Matches(key.Value, value)),
        JsonArray allowed => document is JsonValue value && allowed.Any(item => JsonNode.DeepEquals(item, value)),
        _ => throw new NotSupportedException($"Pattern {pattern?.ToJsonString()} uses more than exact matching."),
    };
}
