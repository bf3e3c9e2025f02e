using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using Remittance.Workflows.Composition;

namespace Remittance.Cdk.Patterns;

/// <summary>What one use of the tracked-workflow pattern needs to know.</summary>
public sealed record TrackedWorkflowServiceProps
{
    public required string Stage { get; init; }

    /// <summary>The service from the catalog: its workflow, its settings; its name is REMITTANCE_SERVICE.</summary>
    public required ServiceDefinition Service { get; init; }

    /// <summary>Where the workflow function finds the notification catalog (the layer's mount path), when it needs one.</summary>
    public string? NotificationCatalogDirectory { get; init; }

    /// <summary>The published <c>bootstrap</c> every function of the service runs.</summary>
    public required Code FunctionsCode { get; init; }

    public required int RetryThreshold { get; init; }

    public required int SweeperScheduleMinutes { get; init; }

    /// <summary>Where this service's alarms notify.</summary>
    public required ITopic AlarmTopic { get; init; }

    /// <summary>RETAIN keeps the table and key (and protects the table from deletion) when the stack goes.</summary>
    public required RemovalPolicy DataRemovalPolicy { get; init; }
}
