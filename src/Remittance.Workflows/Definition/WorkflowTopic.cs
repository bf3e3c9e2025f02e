namespace Remittance.Workflows.Definition;

/// <summary>Where a workflow publishes.</summary>
public enum WorkflowTopic
{
    /// <summary>Enriched remittances, consumed by the notification service.</summary>
    Enriched,

    /// <summary>Rendered notifications, handed to the delivery channel (email/SMS).</summary>
    NotificationOutbox,
}
