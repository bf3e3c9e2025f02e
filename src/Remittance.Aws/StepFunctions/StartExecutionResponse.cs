using System.Text.Json.Serialization;
using Remittance.Aws.Json;

namespace Remittance.Aws.StepFunctions;

public sealed class StartExecutionResponse
{
    [JsonPropertyName("executionArn")]
    public string? ExecutionArn { get; set; }

    /// <summary>UTC.</summary>
    [JsonPropertyName("startDate")]
    [JsonConverter(typeof(NullableEpochSecondsConverter))]
    public DateTime? StartDate { get; set; }
}
