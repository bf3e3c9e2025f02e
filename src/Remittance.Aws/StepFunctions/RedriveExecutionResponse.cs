using System.Text.Json.Serialization;
using Remittance.Aws.Json;

namespace Remittance.Aws.StepFunctions;

public sealed class RedriveExecutionResponse
{
    /// <summary>UTC.</summary>
    [JsonPropertyName("redriveDate")]
    [JsonConverter(typeof(NullableEpochSecondsConverter))]
    public DateTime? RedriveDate { get; set; }
}
