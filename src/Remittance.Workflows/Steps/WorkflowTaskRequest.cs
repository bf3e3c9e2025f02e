using System.Text.Json.Nodes;

namespace Remittance.Workflows.Steps;

/// <summary>The workflow function's payload, as a Lambda task state's Parameters build it: task name, steps, state input.</summary>
public sealed record WorkflowTaskRequest(string Task, IReadOnlyList<string> Steps, JsonObject Input)
{
    public JsonObject ToJson() => new()
    {
        ["task"] = Task,
        ["steps"] = new JsonArray([.. Steps.Select(s => (JsonNode)JsonValue.Create(s))]),
        ["input"] = Input.DeepClone(),
    };

    public static WorkflowTaskRequest Parse(JsonNode? payload)
    {
        if (payload is not JsonObject obj || obj["task"] is not JsonValue task || obj["steps"] is not JsonArray steps || obj["input"] is not JsonObject input)
        {
            throw new PermanentStepError("The workflow function expects {\"task\", \"steps\", \"input\"}: the state machine and this build disagree.");
        }

        return new WorkflowTaskRequest(task.GetValue<string>(), [.. steps.Select(s => s!.GetValue<string>())], input);
    }
}
