using System.Text.Json.Nodes;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Definition;

namespace Remittance.Workflows.Steps;

/// <summary>
/// Publishes the previous step's output (the enriched envelope) to <paramref name="topic"/> and passes it on unchanged,
/// so the task's result is what was published. Runs last in its task: a retry of the task publishes again only if this
/// step failed or the invocation was lost after it, and the consumer (the notification service's idempotent ingest)
/// takes a republished envelope as the duplicate it is.
/// </summary>
public sealed class PublishStep(ITopicPublisher publisher, WorkflowTopic topic) : IWorkflowStep
{
    public string Name => WorkflowSteps.Publish;

    public async Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var message = context.Previous ?? throw new PermanentStepError("The publish step has nothing to publish: no step before it produced a message.");
        var requestId = (string?)context.Input[ItemAttributes.RequestId] ?? throw new PermanentStepError("The workflow input has no requestId.");
        await publisher.PublishAsync(topic, requestId, message.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return message;
    }
}
