using System.Text.Json.Serialization;

namespace Remittance.Local.Run;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LocalRunReport))]
public sealed partial class LocalRunJsonContext : JsonSerializerContext;
