using System.Text.Json.Serialization;

namespace Remittance.Aws.StepFunctions;

/// <summary>
/// Source-generated metadata for the Step Functions wire shapes (camelCase members, epoch-second dates). Public so that
/// local stand-ins of the service endpoint read and write exactly what the client writes and reads.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StartExecutionResponse))]
[JsonSerializable(typeof(DescribeExecutionRequest))]
[JsonSerializable(typeof(DescribeExecutionResponse))]
[JsonSerializable(typeof(RedriveExecutionRequest))]
[JsonSerializable(typeof(RedriveExecutionResponse))]
public sealed partial class StepFunctionsJsonContext : JsonSerializerContext;
