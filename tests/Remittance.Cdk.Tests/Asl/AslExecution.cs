using System.Text.Json.Nodes;

namespace Remittance.Cdk.Tests.Asl;

/// <summary>One state's event as the interpreter logged it, with the sizes Step Functions' payload quota applies to.</summary>
public sealed record AslStateEvent(string Event, string State, int InputBytes, int OutputBytes, string? Error, int? Attempt);

/// <summary>How one interpreted execution ended, and every state event on the way.</summary>
/// <param name="FailedStateInput">For a failed run, the input the failed state was entered with (what a redrive restarts it with).</param>
public sealed record AslExecution(string Status, JsonNode? Output, string? Error, string? Cause, IReadOnlyList<AslStateEvent> States, JsonNode? FailedStateInput)
{
    public IEnumerable<string> Entered => States.Where(s => s.Event == "StateEntered").Select(s => s.State);

    public int Retries(string state) => States.Count(s => s.Event == "StateRetried" && s.State == state);

    public int LargestPayloadBytes => States.Count == 0 ? 0 : States.Max(s => Math.Max(s.InputBytes, s.OutputBytes));

    public static AslExecution Parse(string json)
    {
        var result = JsonNode.Parse(json)!.AsObject();
        var states = result["states"]!.AsArray().Select(s => new AslStateEvent(
            (string)s!["event"]!, (string)s["state"]!, (int)s["inputBytes"]!, (int)s["outputBytes"]!, (string?)s["error"], (int?)s["attempt"])).ToList();
        return new AslExecution((string)result["status"]!, result["output"]?.DeepClone(), (string?)result["error"], (string?)result["cause"], states,
            result["failedStateInput"]?.DeepClone());
    }

    public override string ToString() =>
        $"{Status} {Error} {Cause}: " + string.Join(", ", States.Select(s => $"{s.Event} {s.State}{(s.Error is null ? "" : " " + s.Error)}"));
}
