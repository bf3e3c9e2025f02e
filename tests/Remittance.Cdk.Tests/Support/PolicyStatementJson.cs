using System.Text.Json.Nodes;

namespace Remittance.Cdk.Tests.Support;

/// <summary>One statement of a policy document, with the resource whose policy it is.</summary>
public sealed record PolicyStatementJson(Resource Owner, JsonObject Json)
{
    public string Effect => Json["Effect"]!.GetValue<string>();

    public bool IsAllow => Effect == "Allow";

    public IReadOnlyList<string> Actions => Strings(Json["Action"]);

    /// <summary>Resources as JSON (strings or intrinsic functions).</summary>
    public IReadOnlyList<JsonNode> Resources => Json["Resource"] switch
    {
        JsonArray a => [.. a.Select(n => n!)],
        JsonNode n => [n],
        null => [],
    };

    public bool HasStarResource => Resources.Any(r => r is JsonValue v && v.GetValue<string>() == "*");

    public JsonNode? Principal => Json["Principal"];

    public JsonObject? Condition => Json["Condition"]?.AsObject();

    public static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        JsonArray a => [.. a.Select(n => n!.GetValue<string>())],
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };

    public override string ToString() => $"{Owner}: {Json.ToJsonString()}";
}
