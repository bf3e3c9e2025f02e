using Remittance.Pipeline.Composition;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;
using Remittance.Notifications;
using Remittance.Workflows.Steps.Enrichment;
using Remittance.Workflows.Steps.Notification;

namespace Remittance.Workflows.Composition;

/// <summary>The step handlers of each service's workflow function, built from the shared composition root.</summary>
public static class ServiceSteps
{
    /// <param name="publisher">Where the publish step sends; required when the service's workflow publishes from the function.</param>
    public static IReadOnlyList<IWorkflowStep> For(RemittanceServices services, ITopicPublisher? publisher) => services.Options.Service switch
    {
        "enrichment" =>
        [
            new ValidateStep(new WorkflowInputReader(services.Repository)),
            new EnrichStep(services.DynamoDb, services.Options.InvoicesTableName!),
            new TransformStep(services.Time),
            new PublishStep(
                publisher ?? throw new ArgumentNullException(nameof(publisher), "The enrichment workflow publishes from its function: a publisher is required."),
                WorkflowCatalog.Enrichment.FunctionTopic ?? throw new InvalidOperationException("The enrichment workflow names no topic for its publish step.")),
        ],
        "notification" =>
        [
            new ChooseTemplateStep(new WorkflowInputReader(services.Repository),
                new TemplateSelector(NotificationCatalog.Load(services.Options.NotificationCatalogDirectory!))),
            new RenderStep(),
        ],
        _ => throw new OptionsException([$"{RemittanceOptions.ServiceVariable}='{services.Options.Service}' has no workflow steps in this build."]),
    };
}
