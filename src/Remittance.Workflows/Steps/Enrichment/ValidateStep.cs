using System.Text.Json.Nodes;
using Remittance.Domain;
using Remittance.Pipeline.Schema;

namespace Remittance.Workflows.Steps.Enrichment;

/// <summary>
/// Re-validates the stored partner message against the contract this code knows. Ingest validated it already; this
/// guards against items written by an older or newer contract version. A failure is permanent: caught, not retried.
/// </summary>
public sealed class ValidateStep(WorkflowInputReader reader) : IWorkflowStep
{
    public string Name => Definition.WorkflowSteps.Validate;

    public async Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var item = await reader.ItemAsync(context.Input, cancellationToken).ConfigureAwait(false);
        if (item[ItemAttributes.Message] is not JsonObject message)
        {
            throw new PermanentStepError("The item has no message to enrich.");
        }

        var parsed = PartnerMessageParser.Parse(message.ToJsonString());
        if (!parsed.IsValid)
        {
            throw new PermanentStepError("The stored message is not valid: " +
                string.Join("; ", parsed.Errors.Select(e => $"{e.Field} {e.Code}: {e.Message}")));
        }

        context.Set(parsed.Message);
        return null;
    }
}
