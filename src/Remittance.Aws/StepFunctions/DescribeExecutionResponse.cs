using System.Text.Json.Serialization;
using Remittance.Aws.Json;

namespace Remittance.Aws.StepFunctions;

/// <summary>An execution's state; the dates are UTC (epoch seconds on the wire).</summary>
public sealed class DescribeExecutionResponse
{
    [JsonPropertyName("executionArn")]
    public string? ExecutionArn { get; set; }

    [JsonPropertyName("stateMachineArn")]
    public string? StateMachineArn { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public ExecutionStatus? Status { get; set; }

    [JsonPropertyName("startDate")]
    [JsonConverter(typeof(NullableEpochSecondsConverter))]
    public DateTime? StartDate { get; set; }

    [JsonPropertyName("stopDate")]
    [JsonConverter(typeof(NullableEpochSecondsConverter))]
    public DateTime? StopDate { get; set; }

    [JsonPropertyName("input")]
    public string? Input { get; set; }

    [JsonPropertyName("inputDetails")]
    public CloudWatchEventsExecutionDataDetails? InputDetails { get; set; }

    /// <summary>Set only when the execution succeeded.</summary>
    [JsonPropertyName("output")]
    public string? Output { get; set; }

    [JsonPropertyName("outputDetails")]
    public CloudWatchEventsExecutionDataDetails? OutputDetails { get; set; }

    [JsonPropertyName("traceHeader")]
    public string? TraceHeader { get; set; }

    [JsonPropertyName("mapRunArn")]
    public string? MapRunArn { get; set; }

    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("cause")]
    public string? Cause { get; set; }

    [JsonPropertyName("stateMachineVersionArn")]
    public string? StateMachineVersionArn { get; set; }

    [JsonPropertyName("stateMachineAliasArn")]
    public string? StateMachineAliasArn { get; set; }

    [JsonPropertyName("redriveCount")]
    public int? RedriveCount { get; set; }

    [JsonPropertyName("redriveDate")]
    [JsonConverter(typeof(NullableEpochSecondsConverter))]
    public DateTime? RedriveDate { get; set; }

    [JsonPropertyName("redriveStatus")]
    public ExecutionRedriveStatus? RedriveStatus { get; set; }

    [JsonPropertyName("redriveStatusReason")]
    public string? RedriveStatusReason { get; set; }
}
