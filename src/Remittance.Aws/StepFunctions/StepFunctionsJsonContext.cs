using System.Text.Json.Serialization;

namespace Remittance.Aws.StepFunctions;

/// <summary>Source-generated metadata for the Step Functions wire shapes (camelCase members, epoch-second dates).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
[JsonSerializable(typeof(RedriveExecutionRequest))]
[JsonSerializable(typeof(RedriveExecutionResponse))]
internal sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
