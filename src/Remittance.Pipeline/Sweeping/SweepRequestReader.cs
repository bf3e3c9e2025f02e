using System.Text.Json;
using Remittance.Aws.Lambda.CloudWatchEvents.ScheduledEvents;
using Remittance.Aws.Lambda.Serialization;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// The sweeper's invocation payload: an EventBridge schedule's "Scheduled Event" (the default sweep: retry index
/// only), or a <see cref="SweepRequest"/> for a manual invocation (or a schedule target with constant input).
/// </summary>
public static class SweepRequestReader
{
    /// <summary>What a schedule firing sweeps.</summary>
    public static SweepRequest Scheduled { get; } = new();

    /// <exception cref="JsonException">The payload is neither: unknown or mistyped members are refused.</exception>
    public static SweepRequest Read(ReadOnlyMemory<byte> payload)
    {
        using var document = JsonDocument.Parse(payload.IsEmpty ? "{}"u8.ToArray() : payload);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The sweeper expects a JSON object: a scheduled event or a sweep request.");
        }

        // EventBridge envelopes carry "detail-type" and "source"; a sweep request has neither.
        if (document.RootElement.TryGetProperty("detail-type", out _) && document.RootElement.TryGetProperty("source", out _))
        {
            var scheduled = document.RootElement.Deserialize(AwsEventsJsonContext.Default.ScheduledEvent);
            return scheduled?.DetailType == "Scheduled Event"
                ? Scheduled
                : throw new JsonException($"The sweeper does not handle '{scheduled?.DetailType}' events.");
        }

        return document.RootElement.Deserialize(SweepJsonContext.Default.SweepRequest)
               ?? throw new JsonException("The sweep request was null.");
    }
}
