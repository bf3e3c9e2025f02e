using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Definition;

namespace Remittance.Cdk.Patterns;

/// <summary>
/// The tracked-workflow pattern, once: a table (one item per request, stream of new and old images, three sparse
/// GSIs) that is both the store and the outbox; an ingest queue feeding the ingest function; the stream function
/// starting one Standard execution per received item; the workflow function the state machine calls; the status
/// function recording failed runs from EventBridge; the sweeper re-driving them on a schedule; one customer-managed
/// key for all of it; alarms. The app uses it twice, for enrichment and for notification.
/// </summary>
public sealed partial class TrackedWorkflowService : Construct
{
    private readonly TrackedWorkflowServiceProps _props;
    private readonly List<Alarm> _alarms = [];

    public TrackedWorkflowService(Construct scope, string id, TrackedWorkflowServiceProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        _props = props;
        ServiceName = props.Service.Name;
        Prefix = $"remittance-{props.Stage}-{ServiceName}";

        Key = Security.ServiceKey.Create(this, "Key", $"alias/{Prefix}",
            $"Remittance {ServiceName} ({props.Stage}): table, queues and topics.", props.DataRemovalPolicy);
        Table = SchemaTable.Create(this, "Table", RemittanceTableSchema.CreateTableRequest($"{Prefix}-remittances"), Key, props.DataRemovalPolicy);

        CreateQueues();
        Topics = CreateTopics();
        CreateFunctions();
        StateMachine = CreateStateMachine();
        ConnectFunctions();
        StatusRule = CreateStatusRule();
        SweeperSchedule = CreateSweeperSchedule();
        CreateAlarms();
        CreateOutputs();
    }

    /// <summary>enrichment or notification: REMITTANCE_SERVICE, the sweeper metric's dimension, part of every name.</summary>
    public string ServiceName { get; }

    /// <summary><c>remittance-{stage}-{service}</c>: the few physical names (ingest queue, rules, alarms) start with it.</summary>
    public string Prefix { get; }

    public Key Key { get; }

    public Table Table { get; }

    public Queue IngestQueue { get; private set; } = null!;

    public Queue IngestDeadLetterQueue { get; private set; } = null!;

    /// <summary>Where the stream event source hands batches it gave up on (bounded retries or record age).</summary>
    public Queue StreamFailureQueue { get; private set; } = null!;

    /// <summary>Status-change events EventBridge could not deliver to the status function, or that it failed on.</summary>
    public Queue StatusDeadLetterQueue { get; private set; } = null!;

    /// <summary>The topics the workflow publishes to, one per topic placeholder of its ASL.</summary>
    public IReadOnlyDictionary<WorkflowTopic, Topic> Topics { get; }

    public IReadOnlyDictionary<FunctionName, Function> Functions => _functions;

    public StateMachine StateMachine { get; }

    public Rule StatusRule { get; }

    public Rule SweeperSchedule { get; }

    public IReadOnlyList<Alarm> Alarms => _alarms;

    public IReadOnlyList<Queue> DeadLetterQueues => [IngestDeadLetterQueue, StreamFailureQueue, StatusDeadLetterQueue];

    private Stack Stack => Stack.Of(this);

    private WorkflowDefinition Workflow => _props.Service.Workflow;
}
