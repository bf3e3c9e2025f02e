using System.Text.Json.Serialization;

namespace Remittance.Aws.StepFunctions;

/// <summary>
/// Starts an execution. Standard workflows refuse a second execution with the same <see cref="Name"/> (and a
/// different input) for 90 days, which is what makes starting idempotent.
/// </summary>
public sealed class StartExecutionRequest
{
    [JsonPropertyName("stateMachineArn")]
    public string StateMachineArn { get; set; } = string.Empty;

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The execution input, a JSON text.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; set; }

    /// <summary>An X-Ray trace header to continue the caller's trace.</summary>
    [JsonPropertyName("traceHeader")]
    public string? TraceHeader { get; set; }
}
