using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;

/// <summary>Whether the input or output was included in the event (large payloads are left out).</summary>
public class ExecutionDataDetails
{
    [JsonPropertyName("included")]
    public bool Included { get; set; }
}
