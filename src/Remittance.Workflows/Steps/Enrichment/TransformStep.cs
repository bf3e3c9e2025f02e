using System.Text.Json.Nodes;
using Remittance.Domain;
using Remittance.Domain.Enrichment;

namespace Remittance.Workflows.Steps.Enrichment;

/// <summary>Builds the versioned envelope (event id derived from the request ID, type, version, data) that is published.</summary>
public sealed class TransformStep(TimeProvider time) : IWorkflowStep
{
    public string Name => Definition.WorkflowSteps.Transform;

    public Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var details = context.Get<InvoiceDetails>();
        var data = EnrichedRemittance.From(context.Get<PartnerMessage>(), details.Invoices, details.PaymentDescription);
        return Task.FromResult<JsonNode?>(EnvelopeWriter.Write(data, time.GetUtcNow()));
    }
}
