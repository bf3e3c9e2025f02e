using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.SQS;
using Remittance.Cdk.Security;
using Remittance.Pipeline.Composition;
using Remittance.Workflows.Asl;
using Remittance.Workflows.Definition;

namespace Remittance.Cdk.Patterns;

public sealed partial class TrackedWorkflowService
{
    /// <summary>Receives of one message before it is dead-lettered (the ingest function reports only transient failures).</summary>
    public const int MaxReceiveCount = 5;

    /// <summary>Lambda's guidance for SQS sources: at least six times the function timeout, so retries of a batch never overlap.</summary>
    public const int VisibilityTimeoutFactor = 6;

    private void CreateQueues()
    {
        var ingestTimeout = FunctionSizing.For(FunctionName.Ingest).TimeoutSeconds;

        // Dead-letter retention outlasts the source's: SQS keeps a message's original enqueue time when it moves it.
        IngestDeadLetterQueue = EncryptedQueue("IngestDeadLetterQueue", Duration.Days(14), queueName: $"{Prefix}-ingest-dlq");
        IngestQueue = new Queue(this, "IngestQueue", new QueueProps
        {
            // Named: partners are given this name, and the key policy refers to it without a circular reference.
            QueueName = IngestQueueName,
            Encryption = QueueEncryption.KMS,
            EncryptionMasterKey = Key,
            EnforceSSL = true,
            VisibilityTimeout = Duration.Seconds(VisibilityTimeoutFactor * ingestTimeout),
            RetentionPeriod = Duration.Days(4),
            DeadLetterQueue = new DeadLetterQueue { Queue = IngestDeadLetterQueue, MaxReceiveCount = MaxReceiveCount },
        });

        StreamFailureQueue = EncryptedQueue("StreamFailureQueue", Duration.Days(14));
        StatusDeadLetterQueue = EncryptedQueue("StatusDeadLetterQueue", Duration.Days(14));
    }

    private Queue EncryptedQueue(string id, Duration retention, string? queueName = null) => new(this, id, new QueueProps
    {
        QueueName = queueName,
        Encryption = QueueEncryption.KMS,
        EncryptionMasterKey = Key,
        EnforceSSL = true,
        RetentionPeriod = retention,
    });

    private string IngestQueueName => $"{Prefix}-ingest";

    /// <summary>Built from the name rather than the queue, so the key's policy can name it without depending on it.</summary>
    private string IngestQueueArn => Stack.FormatArn(new ArnComponents
    {
        Service = "sqs",
        Resource = IngestQueueName,
        ArnFormat = ArnFormat.NO_RESOURCE_NAME,
    });

    private Dictionary<WorkflowTopic, Topic> CreateTopics()
    {
        // Every topic the workflow publishes to: from a publish state (the ASL) or from its function (the publish step).
        return Workflow.Topics
            .ToDictionary(topic => topic, topic => EncryptedTopic.Create(this, $"{topic}Topic", $"Remittance {ServiceName} ({_props.Stage}): {topic}", Key));
    }

    /// <summary>
    /// Lets the given partner accounts send to the ingest queue, and use this service's key for exactly that: through
    /// SQS, for this queue (SQS puts the queue's ARN in the encryption context).
    /// </summary>
    public void AllowSendersFrom(IReadOnlyList<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        if (accountIds.Count == 0)
        {
            return;
        }

        var partners = accountIds.Select(account => (IPrincipal)new AccountPrincipal(account)).ToArray();
        IngestQueue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PartnerAccountsMaySend",
            Effect = Effect.ALLOW,
            Principals = partners,
            Actions = ["sqs:SendMessage"],
            Resources = [IngestQueue.QueueArn],
        }));
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PartnerAccountsMayEncryptForTheIngestQueue",
            Effect = Effect.ALLOW,
            Principals = partners,
            Actions = KmsActions.Produce,
            // In a key policy "*" is this key.
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    ["kms:ViaService"] = $"sqs.{Stack.Region}.amazonaws.com",
                    ["kms:EncryptionContext:aws:sqs:arn"] = IngestQueueArn,
                },
            },
        }));
    }

    /// <summary>
    /// Feeds the ingest queue from another service's topic, raw (the queue receives the published message itself).
    /// The subscription lets only that topic send (aws:SourceArn) and lets SNS use this key only for it.
    /// </summary>
    public void ReceiveFrom(ITopic topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        topic.AddSubscription(new SqsSubscription(IngestQueue, new SqsSubscriptionProps { RawMessageDelivery = true }));
    }
}
