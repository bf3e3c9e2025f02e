using System.Text.Json.Serialization;

namespace Remittance.Cost.Pricing;

/// <summary>Source-generated JSON for <c>remittance cost --json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(CostReport))]
public sealed partial class CostJsonContext : JsonSerializerContext;
