using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using Remittance.Cdk.Bundling;
using Remittance.Cdk.Configuration;
using Remittance.Cdk.Patterns;
using Remittance.Cdk.Security;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;

namespace Remittance.Cdk.Stacks;

/// <summary>
/// One stage of the pipeline: the tracked-workflow pattern used twice (enrichment, then notification fed by the
/// enriched topic), the Invoices table enrichment reads, the alarm topic and one dashboard.
/// </summary>
public sealed class RemittanceStack : Stack
{
    public RemittanceStack(Construct scope, string id, DeploymentSettings settings, StackInputs inputs, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dataRemovalPolicy = settings.RetainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
        ArgumentNullException.ThrowIfNull(inputs);
        var code = Code.FromAsset(inputs.FunctionsDirectory, FunctionsBundle.AssetOptions());

        OperationsKey = ServiceKey.Create(this, "OperationsKey", $"alias/remittance-{settings.Stage}-operations",
            $"Remittance ({settings.Stage}): alarm topic.", dataRemovalPolicy);
        AlarmTopic = CreateAlarmTopic(settings);

        Enrichment = new TrackedWorkflowService(this, "Enrichment", ServiceProps(settings, ServiceCatalog.Enrichment, code, dataRemovalPolicy));
        Notification = new TrackedWorkflowService(this, "Notification", ServiceProps(settings, ServiceCatalog.Notification, code, dataRemovalPolicy) with
        {
            NotificationCatalogDirectory = NotificationCatalogBundle.LayerMountPath,
        });

        Enrichment.AllowSendersFrom(settings.PartnerAccountIds);
        Notification.ReceiveFrom(Enrichment.Topics[WorkflowTopic.Enriched]);

        InvoicesTable = SchemaTable.Create(this, "InvoicesTable", InvoicesTableSchema.CreateTableRequest($"remittance-{settings.Stage}-invoices"),
            Enrichment.Key, dataRemovalPolicy);
        Enrichment.GrantWorkflowLookups(InvoicesTable);
        NotificationCatalogLayer = Notification.AddWorkflowFiles(inputs.NotificationCatalogDirectory, $"Remittance notification catalog ({settings.Stage})");
        Enrichment.ConfigureFunctions();
        Notification.ConfigureFunctions();

        Dashboard = new Dashboard(this, "Dashboard", new DashboardProps { DashboardName = $"remittance-{settings.Stage}" });
        Dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps
        {
            Title = "Alarms",
            Alarms = [.. Enrichment.Alarms, .. Notification.Alarms],
            Width = 24,
        }));
        Dashboard.AddWidgets(Enrichment.DashboardWidgets());
        Dashboard.AddWidgets(Notification.DashboardWidgets());

        _ = new CfnOutput(this, "InvoicesTableName", new CfnOutputProps { Value = InvoicesTable.TableName });
        _ = new CfnOutput(this, "AlarmTopicArn", new CfnOutputProps { Value = AlarmTopic.TopicArn });
    }

    public TrackedWorkflowService Enrichment { get; }

    public TrackedWorkflowService Notification { get; }

    public Table InvoicesTable { get; }

    public Key OperationsKey { get; }

    public LayerVersion NotificationCatalogLayer { get; }

    public Topic AlarmTopic { get; }

    public Dashboard Dashboard { get; }

    private TrackedWorkflowServiceProps ServiceProps(DeploymentSettings settings, ServiceDefinition service, Code code, RemovalPolicy removalPolicy) => new()
    {
        Stage = settings.Stage,
        Service = service,
        FunctionsCode = code,
        RetryThreshold = settings.RetryThreshold,
        SweeperScheduleMinutes = settings.SweeperScheduleMinutes,
        AlarmTopic = AlarmTopic,
        DataRemovalPolicy = removalPolicy,
    };

    private Topic CreateAlarmTopic(DeploymentSettings settings)
    {
        var topic = EncryptedTopic.Create(this, "AlarmTopic", $"Remittance alarms ({settings.Stage})", OperationsKey);

        // CloudWatch publishes alarm state changes as itself: allow it on this topic and key, from this account only.
        var cloudWatch = new ServicePrincipal("cloudwatch.amazonaws.com");
        var fromThisAccount = new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Account },
        };
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchAlarmsMayPublish",
            Effect = Effect.ALLOW,
            Principals = [cloudWatch],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = fromThisAccount,
        }));
        OperationsKey.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchAlarmsMayEncryptForTheAlarmTopic",
            Effect = Effect.ALLOW,
            Principals = [cloudWatch],
            Actions = KmsActions.Produce,
            Resources = ["*"],
            Conditions = fromThisAccount,
        }));

        if (settings.AlarmEmail is { } email)
        {
            topic.AddSubscription(new EmailSubscription(email));
        }

        return topic;
    }
}
