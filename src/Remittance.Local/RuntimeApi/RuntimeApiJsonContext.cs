using System.Text.Json.Serialization;
using Remittance.Aws.Lambda.RuntimeSupport;

namespace Remittance.Local.RuntimeApi;

/// <summary>
/// Source-generated metadata for the error bodies the local Runtime API reads and writes, with the options of the
/// bootstrap's own context in Remittance.Aws (which stays internal there).
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LambdaErrorResponse))]
internal sealed partial class RuntimeApiJsonContext : JsonSerializerContext;
