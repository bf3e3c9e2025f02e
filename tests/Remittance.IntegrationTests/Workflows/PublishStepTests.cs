using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Publishing;
using Remittance.Workflows.Steps;

namespace Remittance.IntegrationTests.Workflows;

/// <summary>The enrichment function's publish step, through the real SNS client, against scripted SNS answers.</summary>
public sealed class PublishStepTests
{
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:remittance-prod-enrichment-Enriched";

    [Fact]
    public async Task PublishStep_PublishesThePreviousOutput_AndPassesItOnUnchanged()
    {
        var sns = new ScriptedSns(HttpStatusCode.OK, "<PublishResponse><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>");
        var envelope = new JsonObject { ["eventId"] = "e-1", ["data"] = new JsonObject { ["amount"] = "10.00" } };

        var result = await Step(sns).RunAsync(Context(envelope), CancellationToken.None);

        Assert.Same(envelope, result);
        var form = Assert.Single(sns.Bodies).Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
        Assert.Equal(TopicArn, form["TopicArn"]);
        Assert.True(JsonNode.DeepEquals(envelope, JsonNode.Parse(form["Message"])));
    }

    [Fact]
    public async Task PublishStep_WhenSnsStaysThrottled_FailsWithTheTransientErrorTheStateRetries()
    {
        var sns = new ScriptedSns(HttpStatusCode.BadRequest, "<ErrorResponse><Error><Code>Throttled</Code><Message>Rate exceeded</Message></Error></ErrorResponse>");

        var error = await Assert.ThrowsAsync<TransientStepError>(() => Step(sns).RunAsync(Context(new JsonObject()), CancellationToken.None));

        Assert.Equal(WorkflowErrors.Transient, error.ErrorName);
        Assert.Equal(3, sns.Bodies.Count);
        Assert.Contains(WorkflowErrors.Transient, WorkflowCatalog.Enrichment.Tasks.OfType<LambdaTaskState>().Single().Retry.SelectMany(r => r.Errors));
    }

    [Fact]
    public async Task PublishStep_WhenAccessIsDenied_FailsUnderSnsErrorName_ForTheSweeperNotTheFailState()
    {
        var sns = new ScriptedSns(HttpStatusCode.Forbidden, "<ErrorResponse><Error><Code>AuthorizationError</Code><Message>not authorized</Message></Error></ErrorResponse>");

        var error = await Assert.ThrowsAsync<AmazonSimpleNotificationServiceException>(() => Step(sns).RunAsync(Context(new JsonObject()), CancellationToken.None));

        Assert.Equal("AuthorizationError", error.ErrorCode);
        Assert.Single(sns.Bodies);
        var caught = WorkflowCatalog.Enrichment.Tasks.SelectMany(t => t.Catch).SelectMany(c => c.Errors);
        Assert.DoesNotContain(nameof(AmazonSimpleNotificationServiceException), caught);
    }

    [Fact]
    public async Task SnsTopicPublisher_RefusesATopicItWasNotGiven()
    {
        var publisher = new SnsTopicPublisher(Client(new ScriptedSns(HttpStatusCode.OK, string.Empty)), WorkflowTopic.Enriched, TopicArn);

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(WorkflowTopic.NotificationOutbox, "r-1", "{}", CancellationToken.None));
    }

    private static PublishStep Step(ScriptedSns sns) => new(new SnsTopicPublisher(Client(sns), WorkflowTopic.Enriched, TopicArn), WorkflowTopic.Enriched);

    private static AmazonSimpleNotificationServiceClient Client(ScriptedSns sns) => new(new BasicAWSCredentials("AKID", "secret"),
        new AmazonSimpleNotificationServiceConfig { Region = "us-east-1", HttpMessageHandler = sns, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });

    private static StepContext Context(JsonObject previous) => new(new JsonObject { ["requestId"] = "r-1" }) { Previous = previous };

    private sealed class ScriptedSns(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public List<string> Bodies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
        }
    }
}
