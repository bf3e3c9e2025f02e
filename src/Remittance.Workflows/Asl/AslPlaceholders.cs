using Remittance.Workflows.Definition;

namespace Remittance.Workflows.Asl;

/// <summary>
/// The deployment-specific values an ASL document refers to, as <c>${Name}</c> placeholders: the CDK app passes them
/// as the state machine's definition substitutions.
/// </summary>
public static class AslPlaceholders
{
    public const string WorkflowFunctionArn = "WorkflowFunctionArn";
    public const string TableName = "TableName";
    public const string EnrichedTopicArn = "EnrichedTopicArn";
    public const string NotificationOutboxTopicArn = "NotificationOutboxTopicArn";

    public static string TopicArn(WorkflowTopic topic) => topic switch
    {
        WorkflowTopic.Enriched => EnrichedTopicArn,
        WorkflowTopic.NotificationOutbox => NotificationOutboxTopicArn,
        _ => throw new ArgumentOutOfRangeException(nameof(topic), topic, null),
    };

    public static string Reference(string placeholder) => "${" + placeholder + "}";

    /// <summary>Every placeholder the definition's ASL uses.</summary>
    public static IReadOnlyList<string> For(WorkflowDefinition definition) =>
    [
        WorkflowFunctionArn,
        TableName,
        .. definition.States.OfType<PublishState>().Select(p => TopicArn(p.Topic)).Distinct(),
    ];
}
