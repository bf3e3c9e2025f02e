using System.Text.Json.Nodes;
using Remittance.Cdk.Configuration;
using Remittance.Cdk.Patterns;

namespace Remittance.Cdk.Tests.Support;

/// <summary>The context the CDK CLI would pass from cdk/cdk.json (feature flags included), as App context values.</summary>
public static class CdkJson
{
    public static string Path => System.IO.Path.Combine(RepositoryLayout.FindRoot(), "cdk", "cdk.json");

    public static JsonObject Read() => JsonNode.Parse(File.ReadAllText(Path))!.AsObject();

    public static Dictionary<string, object> Context() =>
        Read()["context"]!.AsObject().ToDictionary(p => p.Key, p => JsonValues.ToObject(p.Value));
}
