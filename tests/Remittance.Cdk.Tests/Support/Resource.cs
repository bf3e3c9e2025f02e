using System.Text.Json.Nodes;

namespace Remittance.Cdk.Tests.Support;

public sealed record Resource(string LogicalId, JsonObject Json)
{
    public string Type => Json["Type"]!.GetValue<string>();

    public JsonObject Properties => Json["Properties"]?.AsObject() ?? [];

    public override string ToString() => $"{LogicalId} ({Type})";
}
