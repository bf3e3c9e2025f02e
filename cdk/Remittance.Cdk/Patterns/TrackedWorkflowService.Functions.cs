using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.Logs;
using Remittance.Cdk.Operations;
using Remittance.Cdk.Security;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;
using Remittance.Workflows.Composition;

namespace Remittance.Cdk.Patterns;

public sealed partial class TrackedWorkflowService
{
    /// <summary>Stream records per invocation: each costs one StartExecution, so a full batch stays far inside the timeout.</summary>
    public const int StreamBatchSize = 100;

    /// <summary>Retries of a failing stream batch (halved each time by bisecting) before it goes to the failure queue.</summary>
    public const int StreamRetryAttempts = 10;

    /// <summary>Oldest stream record still worth retrying; older ones go to the failure queue (the stream keeps 24 hours).</summary>
    public static readonly Duration StreamMaxRecordAge = Duration.Hours(6);

    public const int IngestBatchSize = 10;

    private readonly Dictionary<FunctionName, Function> _functions = [];
    private ITable? _lookupTable;
    private bool _configured;

    private void CreateFunctions()
    {
        CreateFunction(FunctionName.Ingest, "SQS -> remittance items (idempotent, rejections and conflicts recorded).");
        CreateFunction(FunctionName.Stream, "DynamoDB stream -> one Standard execution per received item.");
        CreateFunction(FunctionName.Workflow, "The state machine's Lambda tasks.");
        CreateFunction(FunctionName.Status, "EventBridge execution failures -> failure recorded on the item.");
        CreateFunction(FunctionName.Sweeper, "Scheduled: re-drives failed runs, reconciles stuck ones, publishes the failed-item count.");
    }

    /// <summary>What this service's functions are configured with, as CloudFormation references.</summary>
    public ServiceResources Resources => new()
    {
        TableName = Table.TableName,
        StateMachineArn = StateMachine.StateMachineArn,
        TopicArn = Workflow.FunctionTopic is { } functionTopic ? Topics[functionTopic].TopicArn : null,
        InvoicesTableName = _lookupTable?.TableName,
        NotificationCatalogDirectory = _props.NotificationCatalogDirectory,
        RetryThreshold = _props.RetryThreshold,
    };

    /// <summary>
    /// Sets each function's environment from the one source the local host also uses (FunctionEnvironment). Called once
    /// the service's resources are all known: the stack grants the lookup table (encrypted with this service's key)
    /// after the service exists. A resource the service needs and was not given fails the synth, naming it.
    /// </summary>
    public void ConfigureFunctions()
    {
        if (_configured)
        {
            throw new InvalidOperationException($"The {ServiceName} functions are configured already.");
        }

        _configured = true;
        var resources = Resources;
        foreach (var (function, lambda) in _functions)
        {
            foreach (var (name, value) in FunctionEnvironment.For(function, _props.Service, resources))
            {
                lambda.AddEnvironment(name, value);
            }
        }
    }

    private void CreateFunction(FunctionName function, string description)
    {
        var sizing = FunctionSizing.For(function);
        var logGroup = new LogGroup(this, $"{function}FunctionLogs", new LogGroupProps
        {
            Retention = FunctionSizing.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        // One role per function, starting from nothing: no managed policy, only its own log group.
        var role = new Role(this, $"{function}FunctionRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Remittance {ServiceName} {FunctionNames.Handler(function)} function",
        });
        role.AddToPolicy(Statements.Allow(["logs:CreateLogStream", "logs:PutLogEvents"], logGroup.LogGroupArn));

        _functions[function] = new Function(this, $"{function}Function", new FunctionProps
        {
            // Named, so operators can invoke (the sweeper by hand) and find logs by name: remittance-prod-enrichment-sweeper.
            FunctionName = $"{Prefix}-{FunctionNames.Handler(function)}",
            Description = $"Remittance {ServiceName}: {description}",
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = FunctionSizing.Architecture,
            Handler = FunctionNames.Handler(function),
            Code = _props.FunctionsCode,
            MemorySize = sizing.MemoryMb,
            Timeout = Duration.Seconds(sizing.TimeoutSeconds),
            Role = role,
            LogGroup = logGroup,
        });
    }

    /// <summary>Event sources, the state machine's ARN, and each function's permissions: its actions on its resources.</summary>
    private void ConnectFunctions()
    {
        var ingest = _functions[FunctionName.Ingest];
        ingest.AddEventSource(new SqsEventSource(IngestQueue, new SqsEventSourceProps
        {
            BatchSize = IngestBatchSize,
            MaxBatchingWindow = Duration.Seconds(1),
            ReportBatchItemFailures = true,
        }));
        ingest.AddToRolePolicy(Statements.Allow(["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:UpdateItem"], Table.TableArn));
        ingest.AddToRolePolicy(Statements.UseKey(Key, KmsActions.TableWrite));

        var stream = _functions[FunctionName.Stream];
        stream.AddEventSource(new DynamoEventSource(Table, new DynamoEventSourceProps
        {
            StartingPosition = StartingPosition.TRIM_HORIZON,
            BatchSize = StreamBatchSize,
            BisectBatchOnError = true,
            RetryAttempts = StreamRetryAttempts,
            MaxRecordAge = StreamMaxRecordAge,
            ReportBatchItemFailures = true,
            OnFailure = new QueueOnFailure(StreamFailureQueue, Key),
            Filters = [StreamFilter],
        }));
        stream.AddToRolePolicy(Statements.Allow(["states:StartExecution"], StateMachine.StateMachineArn));
        stream.AddToRolePolicy(Statements.Allow(["dynamodb:UpdateItem"], Table.TableArn));
        stream.AddToRolePolicy(Statements.UseKey(Key, KmsActions.TableWrite));

        // Workflow tasks read the item itself when the state machine passed it by reference (large items).
        var workflow = _functions[FunctionName.Workflow];
        workflow.AddToRolePolicy(Statements.Allow(["dynamodb:GetItem"], Table.TableArn));
        workflow.AddToRolePolicy(Statements.UseKey(Key, KmsActions.TableRead));
        if (Workflow.FunctionTopic is { } published)
        {
            workflow.AddToRolePolicy(Statements.Allow(["sns:Publish"], Topics[published].TopicArn));
            workflow.AddToRolePolicy(Statements.UseKey(Key, KmsActions.Produce));
        }

        var status = _functions[FunctionName.Status];
        status.AddToRolePolicy(Statements.Allow(["dynamodb:GetItem", "dynamodb:UpdateItem"], Table.TableArn));
        status.AddToRolePolicy(Statements.UseKey(Key, KmsActions.TableWrite));
        // When an event leaves the execution's input out, the status function reads the request ID from the execution.
        status.AddToRolePolicy(Statements.Allow(["states:DescribeExecution"], ExecutionsArn));

        var sweeper = _functions[FunctionName.Sweeper];
        // The sweeper pages through the sparse indexes with parallel Scan segments; it never queries them.
        sweeper.AddToRolePolicy(Statements.Allow(["dynamodb:Scan"],
            [.. RemittanceTableSchema.SparseIndexes.Select(index => $"{Table.TableArn}/index/{index.IndexName}")]));
        sweeper.AddToRolePolicy(Statements.Allow(["dynamodb:GetItem", "dynamodb:UpdateItem"], Table.TableArn));
        sweeper.AddToRolePolicy(Statements.UseKey(Key, KmsActions.TableWrite));
        sweeper.AddToRolePolicy(Statements.Allow(["states:StartExecution"], StateMachine.StateMachineArn));
        sweeper.AddToRolePolicy(Statements.Allow(["states:DescribeExecution", "states:RedriveExecution"], ExecutionsArn));
        // The FailedItems metric is an embedded-metric-format log line (SweeperMetrics): no cloudwatch:PutMetricData.
    }

    /// <summary>
    /// Only the records the stream function owns (<see cref="StartProcessor.Filter"/>: inserts of received items) invoke
    /// it: updates, deletes, and the rejection and conflict records sharing the table never do.
    /// </summary>
    public static IDictionary<string, object> StreamFilter =>
        FilterCriteria.Filter((IDictionary<string, object>)JsonValues.ToObject(StartProcessor.Filter.ToPattern()));

    /// <summary>
    /// Ships a folder of data files the workflow function reads (the notification catalog) as a Lambda layer (the
    /// function learns where from the service's resources). A layer rather than files in the functions' shared asset:
    /// editing templates then updates one function, not all ten.
    /// </summary>
    public LayerVersion AddWorkflowFiles(string directory, string description)
    {
        var layer = new LayerVersion(this, "WorkflowFiles", new LayerVersionProps
        {
            Code = Code.FromAsset(directory),
            CompatibleRuntimes = [Runtime.PROVIDED_AL2023],
            CompatibleArchitectures = [FunctionSizing.Architecture],
            Description = description,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        var workflow = _functions[FunctionName.Workflow];
        workflow.AddLayers(layer);
        return layer;
    }

    /// <summary>
    /// Lets the workflow function read a lookup table (the Invoices table for enrichment) with BatchGetItem (the
    /// function learns its name from the service's resources).
    /// </summary>
    public void GrantWorkflowLookups(ITable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _lookupTable = table;
        var workflow = _functions[FunctionName.Workflow];
        workflow.AddToRolePolicy(Statements.Allow(["dynamodb:BatchGetItem"], table.TableArn));
        if (table.EncryptionKey is { } key)
        {
            workflow.AddToRolePolicy(Statements.UseKey(key, KmsActions.TableRead));
        }
    }
}
