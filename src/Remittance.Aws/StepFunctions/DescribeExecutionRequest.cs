using System.Text.Json.Serialization;

namespace Remittance.Aws.StepFunctions;

public sealed class DescribeExecutionRequest
{
    [JsonPropertyName("executionArn")]
    public string ExecutionArn { get; set; } = string.Empty;
}
