using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Remittance.Pipeline.Start;

namespace Remittance.Workflows.Steps;

/// <summary>Runs the steps a Lambda task names, in order, in one invocation; the last step's output is the task's result.</summary>
public sealed class WorkflowTaskRunner(IEnumerable<IWorkflowStep> steps)
{
    private readonly Dictionary<string, IWorkflowStep> _steps = steps.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public async Task<JsonNode?> RunAsync(WorkflowTaskRequest request, CancellationToken cancellationToken)
    {
        var context = new StepContext(request.Input);
        foreach (var name in request.Steps)
        {
            if (!_steps.TryGetValue(name, out var step))
            {
                throw new PermanentStepError($"Task {request.Task} names step '{name}', which this service does not have.");
            }

            context.Previous = await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
            if (context.Previous is { } output && Encoding.UTF8.GetByteCount(output.ToJsonString()) is var bytes && bytes > WorkflowInput.MaxTaskResultBytes)
            {
                // Checked before the next step (publish comes last): an oversized result is never published, and the
                // run fails where it can be seen rather than with States.DataLimitExceeded or an item over 400 KB.
                throw new PermanentStepError(string.Create(CultureInfo.InvariantCulture,
                    $"Step {name} produced {bytes:N0} bytes; a step's result may hold at most {WorkflowInput.MaxTaskResultBytes:N0} bytes (the room the state machine's payload and the item keep for it)."));
            }
        }

        return context.Previous;
    }
}
