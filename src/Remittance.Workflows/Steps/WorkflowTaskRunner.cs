using System.Text.Json.Nodes;

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
        }

        return context.Previous;
    }
}
