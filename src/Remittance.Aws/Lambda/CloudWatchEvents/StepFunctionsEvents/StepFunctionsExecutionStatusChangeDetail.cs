using System.Text.Json.Serialization;
using Remittance.Aws.Json;

namespace Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;

/// <summary>
/// The detail of a Step Functions execution status change: the same facts as DescribeExecution, except that the
/// dates are epoch milliseconds here (seconds in the API). Input and output may be left out when too large, which
/// <see cref="InputDetails"/> and <see cref="OutputDetails"/> tell.
/// </summary>
public class StepFunctionsExecutionStatusChangeDetail
{
    [JsonPropertyName("executionArn")]
    public string? ExecutionArn { get; set; }

    [JsonPropertyName("stateMachineArn")]
    public string? StateMachineArn { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("startDate")]
    [JsonConverter(typeof(NullableEpochMillisecondsConverter))]
    public DateTime? StartDate { get; set; }

    [JsonPropertyName("stopDate")]
    [JsonConverter(typeof(NullableEpochMillisecondsConverter))]
    public DateTime? StopDate { get; set; }

    [JsonPropertyName("input")]
    public string? Input { get; set; }

    [JsonPropertyName("output")]
    public string? Output { get; set; }

    [JsonPropertyName("inputDetails")]
    public ExecutionDataDetails? InputDetails { get; set; }

    [JsonPropertyName("outputDetails")]
    public ExecutionDataDetails? OutputDetails { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("cause")]
    public string? Cause { get; set; }

    [JsonPropertyName("redriveCount")]
    public int? RedriveCount { get; set; }

    [JsonPropertyName("redriveDate")]
    [JsonConverter(typeof(NullableEpochMillisecondsConverter))]
    public DateTime? RedriveDate { get; set; }

    /// <summary>REDRIVABLE, NOT_REDRIVABLE or REDRIVABLE_BY_MAP_RUN.</summary>
    [JsonPropertyName("redriveStatus")]
    public string? RedriveStatus { get; set; }

    [JsonPropertyName("redriveStatusReason")]
    public string? RedriveStatusReason { get; set; }
}
