using System.Text.Json.Nodes;
using Remittance.Domain.Enrichment;
using Remittance.Notifications;
using Remittance.Pipeline.Schema;

namespace Remittance.Workflows.Steps.Notification;

/// <summary>
/// Reads the enriched remittance from the item and chooses its template by payee type, purpose and locale (with the
/// country+language → language → default fallback). No matching rule fails the run: nothing is sent rather than the
/// wrong template.
/// </summary>
public sealed class ChooseTemplateStep(WorkflowInputReader reader, TemplateSelector selector) : IWorkflowStep
{
    public string Name => Definition.WorkflowSteps.ChooseTemplate;

    public async Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var item = await reader.ItemAsync(context.Input, cancellationToken).ConfigureAwait(false);
        if (item[ItemAttributes.Message] is not JsonObject message)
        {
            throw new PermanentStepError("The item has no enriched envelope to notify about.");
        }

        var parsed = EnvelopeParser.Parse(message.ToJsonString());
        if (!parsed.IsValid)
        {
            throw new PermanentStepError("The stored envelope is not valid: " +
                string.Join("; ", parsed.Errors.Select(e => $"{e.Field} {e.Code}: {e.Message}")));
        }

        var selection = selector.Select(parsed.Envelope.Data);
        if (!selection.IsFound)
        {
            throw new NoMatchingTemplateError(selection.Explanation);
        }

        context.Set(parsed.Envelope.Data);
        context.Set(selection);
        return null;
    }
}
