using System.Text.Json.Nodes;
using Remittance.Domain.Enrichment;
using Remittance.Notifications;

namespace Remittance.Workflows.Steps.Notification;

/// <summary>Renders the chosen template with amounts and dates formatted for the currency and locale.</summary>
public sealed class RenderStep : IWorkflowStep
{
    public string Name => Definition.WorkflowSteps.Render;

    public Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult<JsonNode?>(RenderedNotificationJson.ToJson(
            NotificationRenderer.Render(context.Get<TemplateSelection>(), context.Get<EnrichedRemittance>())));
}
