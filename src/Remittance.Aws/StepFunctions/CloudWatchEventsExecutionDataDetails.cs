using System.Text.Json.Serialization;

namespace Remittance.Aws.StepFunctions;

/// <summary>Whether the input or output was included in the response (always true for API calls).</summary>
public sealed class CloudWatchEventsExecutionDataDetails
{
    [JsonPropertyName("included")]
    public bool? Included { get; set; }
}
