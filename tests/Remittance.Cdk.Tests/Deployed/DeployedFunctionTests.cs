using System.Text.Json.Nodes;
using Remittance.Cdk.Tests.Support;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Definition;

using static Remittance.Cdk.Tests.Deployed.DeployedStage;

namespace Remittance.Cdk.Tests.Deployed;

/// <summary>
/// The deployed artefact, tried as AWS runs it: the published <c>bootstrap</c> the template packages, started as each
/// function of each service with exactly the environment the synthesized template gives that function (references
/// resolved to local names), against DynamoDB Local and local Step Functions and SNS endpoints. Nothing here builds a
/// function in process: a setting the CDK app forgets, or a behaviour only a local host wires, fails these tests.
/// </summary>
[Collection(SynthCollection.Name)]
public sealed class DeployedFunctionTests(SynthesizedApp app, LocalAws aws) : IClassFixture<LocalAws>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Enrichment_EveryDeployedFunction_CarriesAPartnerMessageFromItsQueueToItsSweeper()
    {
        var requestId = "deployed-enrichment-" + Guid.NewGuid().ToString("N")[..8];
        await using var stage = await StageAsync("enrichment");

        var ingested = await stage.InvokeAsync(FunctionName.Ingest, SqsEvent(PartnerMessage(requestId)));
        Assert.Equal("""{"batchItemFailures":[]}""", ingested);
        var item = await stage.ItemAsync(requestId);
        Assert.Equal("RECEIVED", item[ItemAttributes.Status].S);

        var execution = await stage.StartFromStreamAsync(requestId);
        Assert.Equal(item[ItemAttributes.ExecutionName].S, execution.Name);

        var published = aws.Sns.Published.Count;
        var output = await stage.RunLambdaTaskAsync(execution);
        Assert.Equal(requestId, (string?)output["data"]?["requestId"]);
        var publish = Assert.Single(aws.Sns.Published.Skip(published));
        Assert.Equal(TemplateEnvironment.TopicArn(app.LogicalId(app.Service("enrichment").Topics[WorkflowTopic.Enriched])), publish.TopicArn);

        await stage.FailAsync(execution);
        Assert.True((await stage.ItemAsync(requestId)).ContainsKey(ItemAttributes.RetryJob), "the status function put the failed run on the retry index");

        var sweep = JsonNode.Parse(await stage.InvokeAsync(FunctionName.Sweeper, """{"dryRun":true}"""))!;
        Assert.True((bool)sweep["dryRun"]!);
        Assert.True((int)sweep["examined"]! >= 1, sweep.ToJsonString());
    }

    [Fact]
    public async Task Notification_EveryDeployedFunction_CarriesAnEnrichedEnvelopeFromItsQueueToItsSweeper()
    {
        var requestId = "deployed-notification-" + Guid.NewGuid().ToString("N")[..8];
        var envelope = await EnrichedEnvelopeAsync(requestId);
        await using var stage = await StageAsync("notification");

        // The envelope the enrichment topic delivers (raw) is a remittance here, not a rejection.
        Assert.Equal("""{"batchItemFailures":[]}""", await stage.InvokeAsync(FunctionName.Ingest, SqsEvent(envelope)));
        var item = await stage.ItemAsync(requestId);
        Assert.Equal("RECEIVED", item[ItemAttributes.Status].S);

        var execution = await stage.StartFromStreamAsync(requestId);
        var output = await stage.RunLambdaTaskAsync(execution);
        Assert.False(string.IsNullOrEmpty((string?)output["templateId"]), output.ToJsonString());

        await stage.FailAsync(execution);
        Assert.True((await stage.ItemAsync(requestId)).ContainsKey(ItemAttributes.RetryJob));
        var sweep = JsonNode.Parse(await stage.InvokeAsync(FunctionName.Sweeper, """{"dryRun":true}"""))!;
        Assert.True((int)sweep["examined"]! >= 1, sweep.ToJsonString());
    }

    [Fact]
    public async Task NotificationIngest_GivenAPartnerMessage_RecordsARejectionSayingWhatIsMissing()
    {
        await using var stage = await StageAsync("notification");
        var before = await stage.RejectionsAsync();

        Assert.Equal("""{"batchItemFailures":[]}""",
            await stage.InvokeAsync(FunctionName.Ingest, SqsEvent(PartnerMessage("misrouted-" + Guid.NewGuid().ToString("N")[..8]))));

        var rejection = Assert.Single((await stage.RejectionsAsync()).Except(before));
        Assert.NotEmpty(rejection);
    }

    private Task<string> EnrichedEnvelopeAsync(string requestId) => DeployedStage.EnrichedEnvelopeAsync(app, aws, requestId);

    private Task<DeployedStage> StageAsync(string service) => DeployedStage.StartAsync(app, aws, service);
}
