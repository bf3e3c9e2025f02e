using System.Text.Json.Serialization;

namespace Remittance.Pipeline.Sweeping;

/// <summary>Source-generated JSON for the sweeper's request and summary (camelCase, enums as names; no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SweepRequest))]
[JsonSerializable(typeof(SweepSummary))]
public sealed partial class SweepJsonContext : JsonSerializerContext;
