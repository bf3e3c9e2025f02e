using Remittance.Pipeline.Composition;

namespace Remittance.Workflows.Composition;

/// <summary>
/// The names of what one deployed service uses: CloudFormation tokens in the CDK app, local names on the local host.
/// <see cref="FunctionEnvironment"/> turns them into each function's environment.
/// </summary>
public sealed record ServiceResources
{
    public required string TableName { get; init; }

    public required string StateMachineArn { get; init; }

    /// <summary>The topic the workflow function publishes to, when the service's workflow publishes from its function.</summary>
    public string? TopicArn { get; init; }

    /// <summary>The lookup table the enrichment workflow reads.</summary>
    public string? InvoicesTableName { get; init; }

    /// <summary>Where the notification catalog is, as the workflow function sees it (the layer's mount path in Lambda).</summary>
    public string? NotificationCatalogDirectory { get; init; }

    public int RetryThreshold { get; init; } = RemittanceOptions.DefaultRetryThreshold;

    /// <summary>The resource a service setting names, by its environment variable.</summary>
    public string? Value(string variable) => variable switch
    {
        RemittanceOptions.TopicArnVariable => TopicArn,
        RemittanceOptions.InvoicesTableVariable => InvoicesTableName,
        RemittanceOptions.NotificationCatalogVariable => NotificationCatalogDirectory,
        RemittanceOptions.TableNameVariable => TableName,
        RemittanceOptions.StateMachineArnVariable => StateMachineArn,
        _ => throw new ArgumentOutOfRangeException(nameof(variable), variable, "No resource is configured by this setting."),
    };
}
