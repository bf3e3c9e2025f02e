using Remittance.Domain;

namespace Remittance.Workflows.Definition;

/// <summary>The two uses of the tracked-workflow pattern, defined once.</summary>
public static class WorkflowCatalog
{
    public const string PermanentFailure = "PermanentFailure";

    // Lambda's own invocation faults: short, capped backoff.
    private static readonly RetryPolicy s_lambdaFaults = new(
        [WorkflowErrors.LambdaService, WorkflowErrors.LambdaAwsError, WorkflowErrors.LambdaSdkClient, WorkflowErrors.LambdaThrottled],
        IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3, MaxDelaySeconds: 10);

    // A dependency of our code (the Invoices table) throttled or unavailable: longer backoff, then fail for the sweeper.
    private static readonly RetryPolicy s_dependencyFaults = new([WorkflowErrors.Transient], IntervalSeconds: 2, BackoffRate: 2, MaxAttempts: 3, MaxDelaySeconds: 30);

    private static readonly RetryPolicy s_snsFaults = new(
        [WorkflowErrors.SnsThrottled, WorkflowErrors.SnsInternal], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 4, MaxDelaySeconds: 20);

    private static readonly RetryPolicy s_dynamoDbFaults = new(
        [WorkflowErrors.DynamoDbThrottled, WorkflowErrors.DynamoDbRequestLimit, WorkflowErrors.DynamoDbInternal],
        IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 4, MaxDelaySeconds: 20);

    private static readonly CatchPolicy s_permanent = new([WorkflowErrors.Permanent], PermanentFailure);

    /// <summary>
    /// Enrichment: validate → enrich (Invoices table) → transform (the versioned envelope) → publish to SNS in one
    /// Lambda task, then record success natively. Two transitions per remittance on the happy path. The function
    /// publishes (rather than a native SNS state) because the consumer, the notification service's ingest, takes a
    /// republished envelope as an identical duplicate; a redrive after a failed record resumes at the record and does
    /// not publish again.
    /// </summary>
    public static WorkflowDefinition Enrichment { get; } = new(
        "enrichment",
        "Validates, enriches and transforms a received remittance, publishes the enriched envelope and records success.",
        [
            new LambdaTaskState("EnrichAndPublish", "validate, enrich with invoice details, transform into the versioned envelope, publish it",
                [WorkflowSteps.Validate, WorkflowSteps.Enrich, WorkflowSteps.Transform, WorkflowSteps.Publish], "$.envelope",
                [s_lambdaFaults, s_dependencyFaults], [s_permanent], Publishes: WorkflowTopic.Enriched),
            new RecordSuccessState("RecordEnriched", "status ENRICHED, envelope stored, sparse indexes cleared",
                RemittanceStatus.Enriched.ToWire(), "$.envelope", "enriched", [s_dynamoDbFaults]),
            new FailState(PermanentFailure, "the message can never be processed as it is"),
        ],
        TimeoutSeconds: 900);

    /// <summary>
    /// Notification: choose a template by payee type, purpose and locale, and render it, in one Lambda task; then hand
    /// the rendered notification to the delivery channel in a state of its own and record success. Sending stays a
    /// native state because its consumer is a person: a retry of the Lambda task must never send a second e-mail.
    /// </summary>
    public static WorkflowDefinition Notification { get; } = new(
        "notification",
        "Chooses and renders the customer notification for an enriched remittance, sends it and records success.",
        [
            new LambdaTaskState("PrepareNotification", "choose the template (payee type, purpose, locale with fallback) and render it",
                [WorkflowSteps.ChooseTemplate, WorkflowSteps.Render], "$.notification",
                [s_lambdaFaults, s_dependencyFaults], [s_permanent]),
            new PublishState("SendNotification", "hand the rendered notification to the email/SMS channel",
                WorkflowTopic.NotificationOutbox, "$.notification", [s_snsFaults], []),
            new RecordSuccessState("RecordNotified", "status NOTIFIED, notification stored, sparse indexes cleared",
                RemittanceStatus.Notified.ToWire(), "$.notification", "notification", [s_dynamoDbFaults]),
            new FailState(PermanentFailure, "the notification can never be sent as it is"),
        ],
        TimeoutSeconds: 900);
}
