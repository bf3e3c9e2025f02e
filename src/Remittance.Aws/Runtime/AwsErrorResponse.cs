using System.Text.Json.Serialization;

namespace Remittance.Aws.Runtime;

/// <summary>The body of an AWS JSON protocol error; services disagree on the case of "message".</summary>
internal sealed class AwsErrorResponse
{
    [JsonPropertyName("__type")]
    public string? Type { get; set; }

    [JsonPropertyName("message")]
    public string? LowerMessage { get; set; }

    [JsonPropertyName("Message")]
    public string? UpperMessage { get; set; }
}
