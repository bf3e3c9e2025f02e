using System.Text.Json.Nodes;

namespace Remittance.Local.StepFunctions;

/// <summary>The JSONPath subset the workflow definitions use: <c>$</c> and <c>$.name</c>.</summary>
public static class JsonPaths
{
    public static JsonNode? Get(JsonObject state, string path) => path == "$" ? state : state[Member(path)];

    public static JsonObject Set(JsonObject state, string path, JsonNode? value)
    {
        if (path == "$")
        {
            return value as JsonObject ?? throw new InvalidOperationException("A result at $ must be an object.");
        }

        state[Member(path)] = value;
        return state;
    }

    private static string Member(string path) =>
        path.StartsWith("$.", StringComparison.Ordinal) && !path[2..].Contains('.', StringComparison.Ordinal)
            ? path[2..]
            : throw new NotSupportedException($"JSONPath '{path}' is beyond what the local runner supports ($ or $.name).");
}
