using Remittance.Notifications;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Contracts;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Publishing;
using Remittance.Workflows.Steps;
using Remittance.Workflows.Steps.Enrichment;
using Remittance.Workflows.Steps.Notification;

namespace Remittance.Workflows.Composition;

/// <summary>The services this code base deploys, each defined once; <c>REMITTANCE_SERVICE</c> names one.</summary>
public static class ServiceCatalog
{
    /// <summary>Partner messages in, enriched envelopes published to the enriched topic.</summary>
    public static ServiceDefinition Enrichment { get; } = new(
        PartnerMessageContract.Instance,
        WorkflowCatalog.Enrichment,
        [
            new(FunctionName.Workflow, RemittanceOptions.InvoicesTableVariable, "the enrichment workflow looks invoices up in that table."),
            new(FunctionName.Workflow, RemittanceOptions.TopicArnVariable, "the enrichment workflow function publishes the enriched envelope to that topic."),
        ],
        services =>
        [
            new ValidateStep(new WorkflowInputReader(services.Repository)),
            new EnrichStep(services.DynamoDb, services.Options.InvoicesTableName!),
            new TransformStep(services.Time),
            new PublishStep(new SnsTopicPublisher(services.Sns, WorkflowTopic.Enriched, services.Options.TopicArn!), WorkflowTopic.Enriched),
        ]);

    /// <summary>Enriched envelopes in (from the enriched topic), a notification chosen, rendered and sent.</summary>
    public static ServiceDefinition Notification { get; } = new(
        EnvelopeContract.Instance,
        WorkflowCatalog.Notification,
        [
            new(FunctionName.Workflow, RemittanceOptions.NotificationCatalogVariable, "the notification workflow chooses templates from that catalog."),
        ],
        services =>
        [
            new ChooseTemplateStep(new WorkflowInputReader(services.Repository),
                new TemplateSelector(NotificationCatalog.Load(services.Options.NotificationCatalogDirectory!))),
            new RenderStep(),
        ]);

    public static IReadOnlyList<ServiceDefinition> All { get; } = [Enrichment, Notification];

    /// <summary>The service <paramref name="name"/> names; a missing or unknown name is an error listing the services.</summary>
    public static ServiceDefinition Resolve(string? name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.Ordinal))
        ?? throw new OptionsException([string.IsNullOrWhiteSpace(name)
            ? $"{RemittanceOptions.ServiceVariable} is not set: name the service, one of {string.Join(", ", All.Select(s => s.Name))}."
            : $"{RemittanceOptions.ServiceVariable} must be one of {string.Join(", ", All.Select(s => s.Name))} (was '{name}')."]);
}
