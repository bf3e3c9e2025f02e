using System.Text.Json.Serialization;

namespace Remittance.Aws.StepFunctions;

/// <summary>Restarts a failed, aborted or timed-out standard execution from its unsuccessful steps.</summary>
public sealed class RedriveExecutionRequest
{
    [JsonPropertyName("executionArn")]
    public string ExecutionArn { get; set; } = string.Empty;

    /// <summary>Makes the redrive idempotent: a retry with the same token does not redrive twice.</summary>
    [JsonPropertyName("clientToken")]
    public string? ClientToken { get; set; }
}
