using System.Text.Json.Serialization;

namespace Remittance.Cost.Pricing;

/// <summary>The instruction set Lambda runs the functions on; it sets the price of a GB-second.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LambdaArchitecture>))]
public enum LambdaArchitecture
{
    /// <summary>x86_64, what the CDK app deploys today (FunctionSizing.Architecture).</summary>
    [JsonStringEnumMemberName(LambdaArchitectureNames.X86_64)]
    X86_64,

    /// <summary>arm64 (Graviton), 20 % cheaper per GB-second at list price.</summary>
    [JsonStringEnumMemberName(LambdaArchitectureNames.Arm64)]
    Arm64,
}
