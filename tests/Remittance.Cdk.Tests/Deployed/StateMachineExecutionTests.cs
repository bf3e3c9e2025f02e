using System.Text.Json.Nodes;
using Remittance.Cdk.Tests.Asl;
using Remittance.Cdk.Tests.Support;
using Remittance.Domain;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Schema;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Storage;
using Remittance.Workflows.Definition;

using static Remittance.Cdk.Tests.Deployed.DeployedStage;

namespace Remittance.Cdk.Tests.Deployed;

/// <summary>
/// The state machines as AWS runs them: the ASL in the synthesized template, executed by an independent interpreter
/// (aws-local-stepfunctions), its Lambda tasks served by the deployed function binary and its native DynamoDB and SNS
/// integrations by DynamoDB Local and the local SNS, with the parameters the ASL computes. A wrong ResultPath, a
/// Parameters path that does not exist at run time, a Retry or Catch that does not match, or a state over Step
/// Functions' 256 KiB payload quota fails here.
/// </summary>
[Collection(SynthCollection.Name)]
public sealed class StateMachineExecutionTests(SynthesizedApp app, LocalAws aws) : IClassFixture<LocalAws>
{
    [Fact]
    public async Task Enrichment_HappyPath_EnrichesPublishesOnceAndRecordsEnriched()
    {
        var requestId = NewRequestId("asl-enrich");
        await using var stage = await StageAsync("enrichment");
        var execution = await stage.ReceiveAsync(requestId, PartnerMessage(requestId));
        var published = aws.Sns.Published.Count;

        var run = await stage.ExecuteAsync(execution);

        Assert.True(run.Status == "SUCCEEDED", run.ToString());
        Assert.Equal(["EnrichAndPublish", "RecordEnriched"], run.Entered);
        var publish = Assert.Single(aws.Sns.Published.Skip(published));
        Assert.Equal(requestId, (string?)JsonNode.Parse(publish.Message!)!["data"]?["requestId"]);
        var item = await stage.ItemAsync(requestId);
        Assert.Equal(RemittanceStatus.Enriched.ToWire(), item[ItemAttributes.Status].S);
        Assert.Equal(execution.Name, item[ItemAttributes.ExecutionName].S);
        // The envelope the record state stored is the one the task returned and published.
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(publish.Message!), JsonNode.Parse(item["enriched"].S)), "stored and published envelopes differ");
    }

    [Fact]
    public async Task Notification_HappyPath_SendsOnceAndRecordsNotified()
    {
        var requestId = NewRequestId("asl-notify");
        var envelope = await EnrichedEnvelopeAsync(requestId);
        await using var stage = await StageAsync("notification");
        var execution = await stage.ReceiveAsync(requestId, envelope);
        var published = aws.Sns.Published.Count;

        var run = await stage.ExecuteAsync(execution);

        Assert.True(run.Status == "SUCCEEDED", run.ToString());
        Assert.Equal(["PrepareNotification", "SendNotification", "RecordNotified"], run.Entered);
        var send = Assert.Single(aws.Sns.Published.Skip(published));
        Assert.Equal(TemplateEnvironment.TopicArn(app.LogicalId(app.Service("notification").Topics[WorkflowTopic.NotificationOutbox])), send.TopicArn);
        var item = await stage.ItemAsync(requestId);
        Assert.Equal(RemittanceStatus.Notified.ToWire(), item[ItemAttributes.Status].S);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(send.Message!), JsonNode.Parse(item["notification"].S)), "stored and sent notifications differ");
    }

    [Theory]
    [InlineData("enrichment", "EnrichAndPublish", WorkflowErrors.LambdaThrottled)]
    [InlineData("enrichment", "RecordEnriched", WorkflowErrors.DynamoDbThrottled)]
    [InlineData("notification", "PrepareNotification", WorkflowErrors.LambdaService)]
    [InlineData("notification", "SendNotification", WorkflowErrors.SnsThrottled)]
    [InlineData("notification", "RecordNotified", WorkflowErrors.DynamoDbInternal)]
    public async Task TransientError_IsRetriedAsTheAslSays_ThenTheRunSucceeds(string service, string state, string error)
    {
        var requestId = NewRequestId("asl-retry");
        var body = service == "enrichment" ? PartnerMessage(requestId) : await EnrichedEnvelopeAsync(requestId);
        await using var stage = await StageAsync(service);
        var execution = await stage.ReceiveAsync(requestId, body);
        var failures = 0;

        var run = await stage.ExecuteAsync(execution,
            call => call.State == state && failures++ < 2 ? AslTaskResult.Failed(error, "injected: the service failed this call") : null);

        Assert.True(run.Status == "SUCCEEDED", run.ToString());
        Assert.Equal(2, run.Retries(state));
    }

    [Theory]
    [InlineData("enrichment", "EnrichAndPublish")]
    [InlineData("notification", "RecordNotified")]
    public async Task TransientError_BeyondTheRetries_FailsTheRunWithThatError(string service, string state)
    {
        var requestId = NewRequestId("asl-exhaust");
        var body = service == "enrichment" ? PartnerMessage(requestId) : await EnrichedEnvelopeAsync(requestId);
        await using var stage = await StageAsync(service);
        var execution = await stage.ReceiveAsync(requestId, body);
        var error = state == "EnrichAndPublish" ? WorkflowErrors.Transient : WorkflowErrors.DynamoDbThrottled;
        var retries = ServiceCatalogState(service, state).Retry.Single(r => r.Errors.Contains(error)).MaxAttempts;

        var run = await stage.ExecuteAsync(execution, call => call.State == state ? AslTaskResult.Failed(error, "injected: still failing") : null);

        Assert.Equal(("FAILED", error), (run.Status, run.Error));
        Assert.Equal(retries, run.Retries(state));
    }

    [Theory]
    [InlineData("enrichment")]
    [InlineData("notification")]
    public async Task PermanentError_FromTheFunction_IsCaughtIntoTheFailState(string service)
    {
        var requestId = NewRequestId("asl-permanent");
        var body = service == "enrichment" ? PartnerMessage(requestId) : await EnrichedEnvelopeAsync(requestId);
        await using var stage = await StageAsync(service);
        var execution = await stage.ReceiveAsync(requestId, body);
        // The item as the stream function passed it, with its message made unusable: the function's own validation
        // raises the permanent error (nothing is injected at the task).
        var input = JsonNode.Parse(execution.Input)!.AsObject();
        input[ItemAttributes.Message]!.AsObject().Remove(service == "enrichment" ? "currency" : "data");

        var run = await stage.ExecuteAsync(execution, input: input);

        Assert.Equal(("FAILED", WorkflowErrors.Permanent), (run.Status, run.Error));
        Assert.Equal(WorkflowCatalog.PermanentFailure, run.Entered.Last());
        Assert.Equal(RemittanceStatus.Received.ToWire(), (await stage.ItemAsync(requestId))[ItemAttributes.Status].S);
    }

    [Theory]
    [InlineData("enrichment", "RecordEnriched")]
    [InlineData("notification", "RecordNotified")]
    public async Task FailureAfterPublish_RedrivenFromTheFailedState_DoesNotPublishAgain(string service, string record)
    {
        var requestId = NewRequestId("asl-redrive");
        var body = service == "enrichment" ? PartnerMessage(requestId) : await EnrichedEnvelopeAsync(requestId);
        await using var stage = await StageAsync(service);
        var execution = await stage.ReceiveAsync(requestId, body);
        var published = aws.Sns.Published.Count;

        var failed = await stage.ExecuteAsync(execution, call => call.State == record ? AslTaskResult.Failed(WorkflowErrors.DynamoDbInternal, "injected: down") : null);
        Assert.Equal(("FAILED", WorkflowErrors.DynamoDbInternal), (failed.Status, failed.Error));
        Assert.Equal(1, aws.Sns.Published.Count - published);

        // Step Functions' redrive restarts the failed state with the input it had; the interpreter has no redrive, so
        // the same definition is started at that state with that input.
        var redriven = await stage.ExecuteAsync(execution, definition: StartingAt(stage.Definition(), record), input: failed.FailedStateInput);

        Assert.True(redriven.Status == "SUCCEEDED", redriven.ToString());
        Assert.Equal([record], redriven.Entered);
        Assert.Equal(1, aws.Sns.Published.Count - published);
        Assert.NotEqual(RemittanceStatus.Received.ToWire(), (await stage.ItemAsync(requestId))[ItemAttributes.Status].S);
    }

    [Theory]
    [InlineData(LargeRemittance.LargestInline)]
    [InlineData(LargeRemittance.LargestAccepted)]
    public async Task LargestAcceptedRemittance_GoesThroughBothWorkflows_WithinTheStepFunctionsPayloadQuota(LargeRemittance size)
    {
        var requestId = NewRequestId("asl-large");
        var message = Padded(requestId, size);
        await using var enrichment = await StageAsync("enrichment");
        var execution = await enrichment.ReceiveAsync(requestId, message);
        var input = JsonNode.Parse(execution.Input)!.AsObject();
        Assert.Equal(size == LargeRemittance.LargestAccepted, input["inputByReference"] is not null);
        var published = aws.Sns.Published.Count;

        var enriched = await enrichment.ExecuteAsync(execution);

        Assert.True(enriched.Status == "SUCCEEDED", enriched.ToString());
        Assert.InRange(enriched.LargestPayloadBytes, 1, AslInterpreter.PayloadLimitBytes);
        var envelope = aws.Sns.Published.Skip(published).Single().Message!;
        await using var notification = await StageAsync("notification");
        var notified = await notification.ExecuteAsync(await notification.ReceiveAsync(requestId, envelope));
        Assert.True(notified.Status == "SUCCEEDED", notified.ToString());
        Assert.InRange(notified.LargestPayloadBytes, 1, AslInterpreter.PayloadLimitBytes);
    }

    public enum LargeRemittance
    {
        /// <summary>The largest item still passed inline as the execution input (just under 192 KiB).</summary>
        LargestInline,

        /// <summary>The largest message ingest accepts: its item just under 336 KB (passed by reference).</summary>
        LargestAccepted,
    }

    /// <summary>
    /// Sample 001 with an unknown field (kept, as partners' extra fields are) padded so the stored item, or the
    /// execution input made from it, is as large as <paramref name="size"/> allows.
    /// </summary>
    private static string Padded(string requestId, LargeRemittance size)
    {
        var factory = new RemittanceItemFactory(TimeProvider.System);
        string Body(int padding)
        {
            var message = JsonNode.Parse(PartnerMessage(requestId))!.AsObject();
            message["partnerNotes"] = new string('x', padding);
            return message.ToJsonString();
        }

        bool Fits(int padding)
        {
            var remittance = factory.Create(PartnerMessageContract.Instance.Parse(Body(padding)));
            return size == LargeRemittance.LargestAccepted
                ? remittance.SizeBytes <= RemittanceTableSchema.MaxAcceptedItemBytes
                : !WorkflowInput.For(AttributeValueJson.ToJsonObject(remittance.Item)).Contains("inputByReference", StringComparison.Ordinal);
        }

        // Largest padding that fits, less a margin for what differs between this estimate and the deployed path
        // (timestamps, the execution name).
        var (low, high) = (0, RemittanceTableSchema.MaxItemBytes);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            (low, high) = Fits(middle) ? (middle, high) : (low, middle - 1);
        }

        return Body(low - 256);
    }

    /// <summary>The definition started at <paramref name="state"/>, without the states that are then unreachable (the interpreter refuses those).</summary>
    private static JsonObject StartingAt(JsonObject definition, string state)
    {
        var states = definition["States"]!.AsObject();
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([state]);
        while (pending.TryPop(out var name))
        {
            if (!reachable.Add(name))
            {
                continue;
            }

            var next = states[name]!["Next"] is JsonValue value ? [value.GetValue<string>()] : Array.Empty<string>();
            var caught = states[name]!["Catch"]?.AsArray().Select(c => (string)c!["Next"]!) ?? [];
            foreach (var target in next.Concat(caught))
            {
                pending.Push(target);
            }
        }

        foreach (var name in states.Select(s => s.Key).Where(n => !reachable.Contains(n)).ToList())
        {
            states.Remove(name);
        }

        definition["StartAt"] = state;
        return definition;
    }

    private static TaskState ServiceCatalogState(string service, string state) =>
        Remittance.Workflows.Composition.ServiceCatalog.Resolve(service).Workflow.States.OfType<TaskState>().Single(s => s.Name == state);

    private static string NewRequestId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private Task<DeployedStage> StageAsync(string service) => DeployedStage.StartAsync(app, aws, service);

    private Task<string> EnrichedEnvelopeAsync(string requestId) => DeployedStage.EnrichedEnvelopeAsync(app, aws, requestId);
}
