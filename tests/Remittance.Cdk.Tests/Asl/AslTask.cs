using System.Text.Json.Nodes;

namespace Remittance.Cdk.Tests.Asl;

/// <summary>A Task state the interpreter reached: its name, its Resource, and its effective input (after InputPath and Parameters).</summary>
public sealed record AslTaskCall(string State, string Resource, JsonNode? Input);

/// <summary>What a task returned, or the error it reports (matched by the state's Retry and Catch like a Step Functions error name).</summary>
public sealed record AslTaskResult(JsonNode? Output, string? Error = null, string? Cause = null)
{
    public static AslTaskResult Succeeded(JsonNode? output) => new(output);

    public static AslTaskResult Failed(string error, string cause) => new(null, error, cause);
}
