using System.Text.Json.Serialization;

namespace Remittance.Aws.Runtime;

[JsonSerializable(typeof(AwsErrorResponse))]
internal sealed partial class AwsRuntimeJsonContext : JsonSerializerContext;
