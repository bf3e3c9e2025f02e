using System.Text.Json.Nodes;
using Remittance.Cdk.Configuration;
using Remittance.Cdk.Tests.Support;
using Remittance.Pipeline.Composition;
using Remittance.Workflows.Definition;

namespace Remittance.Cdk.Tests;

/// <summary>Queues, topics and who may send to them.</summary>
[Collection(SynthCollection.Name)]
public sealed class MessagingTests(SynthesizedApp app)
{
    private Template Template => app.Main.Template;

    private JsonObject Queue(Amazon.CDK.AWS.SQS.IQueue queue) => Template[app.LogicalId(queue)].Properties;

    private List<PolicyStatementJson> QueuePolicy(Synthesis synthesis, Amazon.CDK.AWS.SQS.IQueue queue)
    {
        var id = SynthesizedApp.LogicalId(synthesis, queue);
        return [.. synthesis.Template.Statements().Where(s =>
            s.Owner.Type == "AWS::SQS::QueuePolicy" && s.Owner.Properties["Queues"]!.AsArray().Any(q => Template.ReferencedId(q) == id))];
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void IngestQueue_VisibilityTimeout_IsAtLeastSixTimesTheIngestFunctionTimeout(string service)
    {
        var pattern = app.Service(service);
        var function = Template[app.LogicalId(pattern.Functions[FunctionName.Ingest])].Properties;

        var visibility = Queue(pattern.IngestQueue)["VisibilityTimeout"]!.GetValue<int>();
        Assert.True(visibility >= 6 * function["Timeout"]!.GetValue<int>(), $"visibility {visibility} s");
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void IngestQueue_RedrivesToItsDeadLetterQueue_AfterFiveReceives(string service)
    {
        var pattern = app.Service(service);
        var queue = Queue(pattern.IngestQueue);

        Assert.Equal(5, queue["RedrivePolicy"]!["maxReceiveCount"]!.GetValue<int>());
        Assert.Equal(app.LogicalId(pattern.IngestDeadLetterQueue), Template.ReferencedId(queue["RedrivePolicy"]!["deadLetterTargetArn"]));
        // SQS keeps a message's first enqueue time when it dead-letters it: the DLQ must keep messages longer.
        Assert.True(Queue(pattern.IngestDeadLetterQueue)["MessageRetentionPeriod"]!.GetValue<int>() > queue["MessageRetentionPeriod"]!.GetValue<int>());
    }

    [Fact]
    public void EveryQueue_DeniesRequestsWithoutTls()
    {
        var queues = Template.OfType("AWS::SQS::Queue").Select(q => q.LogicalId).ToList();
        var denied = Template.Statements()
            .Where(s => s.Owner.Type == "AWS::SQS::QueuePolicy" && IsTlsDeny(s) && s.Actions.SequenceEqual(["sqs:*"]))
            .SelectMany(s => s.Owner.Properties["Queues"]!.AsArray().Select(Template.ReferencedId))
            .ToHashSet();

        Assert.All(queues, q => Assert.Contains(q, denied));
    }

    [Fact]
    public void EveryTopic_DeniesPublishingWithoutTls()
    {
        var topics = Template.OfType("AWS::SNS::Topic").Select(t => t.LogicalId).ToList();
        var denied = Template.Statements()
            .Where(s => s.Owner.Type == "AWS::SNS::TopicPolicy" && IsTlsDeny(s) && s.Actions.Contains("sns:Publish"))
            .SelectMany(s => s.Owner.Properties["Topics"]!.AsArray().Select(Template.ReferencedId))
            .ToHashSet();

        Assert.All(topics, t => Assert.Contains(t, denied));
    }

    [Fact]
    public void EnrichmentIngestQueue_AllowsSendingOnlyFromThePartnerAccounts()
    {
        var allows = QueuePolicy(app.Main, app.Main.Stack.Enrichment.IngestQueue).Where(s => s.IsAllow).ToList();

        var allow = Assert.Single(allows);
        Assert.Equal(["sqs:SendMessage"], allow.Actions);
        Assert.Equal(SynthesizedApp.PartnerAccounts.Select(a => $"arn:aws:iam::{a}:root").Order(), AccountRoots(allow.Principal!["AWS"]).Order());
        Assert.Equal(app.LogicalId(app.Main.Stack.Enrichment.IngestQueue), Template.ReferencedId(allow.Resources.Single()));
    }

    [Fact]
    public void EnrichmentIngestQueue_WithoutPartnerAccounts_AllowsNoOtherAccount()
    {
        var closed = app.Variant("no-partners", new Dictionary<string, object> { [ContextKeys.PartnerAccountIds] = Array.Empty<object>() });

        Assert.DoesNotContain(QueuePolicy(closed, closed.Stack.Enrichment.IngestQueue), s => s.IsAllow);
        Assert.DoesNotContain(closed.Template.Statements(), s => s.Json["Sid"]?.GetValue<string>() == "PartnerAccountsMayEncryptForTheIngestQueue");
    }

    [Fact]
    public void EnrichmentKey_LetsPartnersEncryptOnlyThroughSqsForTheIngestQueue()
    {
        var statement = Assert.Single(Template.Statements(), s =>
            s.Owner.LogicalId == app.LogicalId(app.Main.Stack.Enrichment.Key) && s.Principal?["AWS"] is not null && !IsAccountRootAdmin(s));

        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], statement.Actions.Order());
        Assert.Equal(SynthesizedApp.PartnerAccounts.Select(a => $"arn:aws:iam::{a}:root").Order(), AccountRoots(statement.Principal!["AWS"]).Order());
        var conditions = statement.Condition!["StringEquals"]!.AsObject();
        Assert.Contains("sqs.", conditions["kms:ViaService"]!.ToJsonString(), StringComparison.Ordinal);
        var queueArn = conditions["kms:EncryptionContext:aws:sqs:arn"]!.ToJsonString();
        Assert.Contains(":sqs:", queueArn, StringComparison.Ordinal);
        Assert.Contains($":remittance-{SynthesizedApp.Stage}-enrichment-ingest\"", queueArn, StringComparison.Ordinal);
        Assert.Equal($"remittance-{SynthesizedApp.Stage}-enrichment-ingest", Queue(app.Main.Stack.Enrichment.IngestQueue)["QueueName"]!.GetValue<string>());
    }

    [Fact]
    public void NotificationIngestQueue_AcceptsOnlyTheEnrichedTopic()
    {
        var enriched = app.LogicalId(app.Main.Stack.Enrichment.Topics[WorkflowTopic.Enriched]);
        var allows = QueuePolicy(app.Main, app.Main.Stack.Notification.IngestQueue).Where(s => s.IsAllow).ToList();

        var allow = Assert.Single(allows);
        Assert.Equal(["sqs:SendMessage"], allow.Actions);
        Assert.Equal("sns.amazonaws.com", allow.Principal!["Service"]!.GetValue<string>());
        Assert.Equal(enriched, Template.ReferencedId(allow.Condition!["ArnEquals"]!["aws:SourceArn"]));
    }

    [Fact]
    public void NotificationIngestQueue_SubscribesToTheEnrichedTopic_WithRawMessageDelivery()
    {
        var subscription = Assert.Single(Template.OfType("AWS::SNS::Subscription"), s => s.Properties["Protocol"]!.GetValue<string>() == "sqs");

        Assert.True(subscription.Properties["RawMessageDelivery"]!.GetValue<bool>());
        Assert.Equal(app.LogicalId(app.Main.Stack.Enrichment.Topics[WorkflowTopic.Enriched]), Template.ReferencedId(subscription.Properties["TopicArn"]));
        Assert.Equal(app.LogicalId(app.Main.Stack.Notification.IngestQueue), Template.ReferencedId(subscription.Properties["Endpoint"]));
    }

    [Fact]
    public void NotificationKey_LetsSnsEncryptOnlyForTheEnrichedTopic()
    {
        var statement = Assert.Single(Template.Statements(), s =>
            s.Owner.LogicalId == app.LogicalId(app.Main.Stack.Notification.Key) && s.Principal?["Service"]?.GetValue<string>() == "sns.amazonaws.com");

        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], statement.Actions.Order());
        Assert.Equal(app.LogicalId(app.Main.Stack.Enrichment.Topics[WorkflowTopic.Enriched]), Template.ReferencedId(statement.Condition!["ArnEquals"]!["aws:SourceArn"]));
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void Topics_AreThoseTheWorkflowPublishesTo(string service)
    {
        var expected = service == "enrichment" ? WorkflowTopic.Enriched : WorkflowTopic.NotificationOutbox;

        Assert.Equal([expected], app.Service(service).Topics.Keys);
    }

    internal static bool IsTlsDeny(PolicyStatementJson s) =>
        s.Effect == "Deny" && s.Principal?.ToJsonString() is "\"*\"" or "{\"AWS\":\"*\"}"
        && s.Condition?["Bool"]?["aws:SecureTransport"]?.GetValue<string>() == "false";

    internal static bool IsAccountRootAdmin(PolicyStatementJson s) => s.Actions.SequenceEqual(["kms:*"]);

    /// <summary>"arn:aws:iam::123456789012:root" for each principal, with the partition joined in as "aws".</summary>
    private static IEnumerable<string> AccountRoots(JsonNode? principals) => principals switch
    {
        JsonArray a => a.SelectMany(AccountRoots),
        JsonObject o when o["Fn::Join"] is JsonArray join => [string.Concat(join[1]!.AsArray().Select(p => p is JsonValue v ? v.GetValue<string>() : "aws"))],
        JsonValue v => [v.GetValue<string>()],
        _ => [],
    };
}
