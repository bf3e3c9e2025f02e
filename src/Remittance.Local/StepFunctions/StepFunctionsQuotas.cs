using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Remittance.Pipeline.Start;

namespace Remittance.Local.StepFunctions;

/// <summary>
/// The Step Functions quotas a local run enforces, so that it fails where AWS would: the payload quota on the
/// execution input and on every state's input (after Parameters) and output, and the execution history's event count.
/// </summary>
public static class StepFunctionsQuotas
{
    /// <summary>Execution input, and each state's effective input and output: 256 KiB of UTF-8.</summary>
    public const int MaxPayloadBytes = WorkflowInput.MaxInputBytes;

    /// <summary>Events in one execution's history; a Standard execution over it fails.</summary>
    public const int MaxHistoryEvents = 25_000;

    /// <summary>The error Step Functions fails a state with when a payload is over the quota; no Retry or Catch handles it.</summary>
    public const string DataLimitExceeded = "States.DataLimitExceeded";

    /// <summary>History events of one Task state attempt: TaskStateEntered, TaskScheduled, TaskStarted, TaskSucceeded/Failed, TaskStateExited.</summary>
    public const int EventsPerTaskAttempt = 5;

    public static int Bytes(JsonNode? payload) => Encoding.UTF8.GetByteCount(payload?.ToJsonString() ?? "null");

    /// <summary>Throws <see cref="StepFunctionsQuotaException"/> when <paramref name="payload"/> is over the payload quota.</summary>
    public static void CheckPayload(JsonNode? payload, string state, string what)
    {
        var bytes = Bytes(payload);
        if (bytes > MaxPayloadBytes)
        {
            throw new StepFunctionsQuotaException(DataLimitExceeded, string.Create(CultureInfo.InvariantCulture,
                $"The {what} of state '{state}' is {bytes:N0} bytes, over the {MaxPayloadBytes:N0}-byte payload quota."));
        }
    }
}
