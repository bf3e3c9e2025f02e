using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>Source-generated metadata for the Runtime API's own JSON (errors, client context, Cognito identity).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LambdaErrorResponse))]
[JsonSerializable(typeof(ClientContext))]
[JsonSerializable(typeof(CognitoIdentity))]
internal sealed partial class RuntimeSupportJsonContext : JsonSerializerContext;
