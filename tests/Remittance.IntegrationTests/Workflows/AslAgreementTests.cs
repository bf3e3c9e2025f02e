using System.Text.Json.Nodes;
using Remittance.Local.StepFunctions;
using Remittance.Workflows.Asl;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.IntegrationTests.Workflows;

/// <summary>
/// The ASL the CDK app deploys and the local runner are two readings of one C# definition: this proves they agree on
/// states, order and retry behaviour, reading the numbers from the written ASL, not from the definition.
/// </summary>
public sealed class AslAgreementTests
{
    public static TheoryData<string> Workflows => new() { "enrichment", "notification" };

    private static JsonObject Asl(string service) => JsonNode.Parse(AslWriter.Write(ServiceCatalog.Resolve(service).Workflow))!.AsObject();

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Asl_VisitsTheDefinitionsTaskStatesInOrder(string service)
    {
        var asl = Asl(service);
        var order = new List<string>();
        for (var name = (string?)asl["StartAt"]; name is not null; name = (string?)asl["States"]![name]!["Next"])
        {
            order.Add(name);
            if (asl["States"]![name]!["End"] is not null)
            {
                break;
            }
        }

        Assert.Equal(ServiceCatalog.Resolve(service).Workflow.Tasks.Select(t => t.Name), order);
        Assert.Equal("Fail", (string?)asl["States"]![WorkflowCatalog.PermanentFailure]!["Type"]);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Asl_DeclaresEveryPlaceholderItUses(string service)
    {
        var text = AslWriter.Write(ServiceCatalog.Resolve(service).Workflow);
        var used = System.Text.RegularExpressions.Regex.Matches(text, @"\$\{(\w+)\}").Select(m => m.Groups[1].Value).Distinct().Order();

        Assert.Equal(AslPlaceholders.For(ServiceCatalog.Resolve(service).Workflow).Order(), used);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public async Task LocalRunner_RetriesEachLambdaErrorExactlyAsTheAslSays(string service)
    {
        var definition = ServiceCatalog.Resolve(service).Workflow;
        var lambda = definition.Tasks.OfType<LambdaTaskState>().First();
        var retrier = Asl(service)["States"]![lambda.Name]!["Retry"]!.AsArray()
            .Single(r => r!["ErrorEquals"]!.AsArray().Any(e => (string?)e == WorkflowErrors.Transient))!;
        var maxAttempts = (int)retrier["MaxAttempts"]!;

        var exhausted = await RunWithFailuresAsync(definition, lambda, failures: maxAttempts + 1);
        var recovered = await RunWithFailuresAsync(definition, lambda, failures: maxAttempts);

        Assert.Equal(1 + maxAttempts, exhausted.Calls);
        Assert.Equal("FAILED", exhausted.Outcome.Status);
        Assert.Equal(WorkflowErrors.Transient, exhausted.Outcome.Error);
        Assert.Equal(lambda.Name, exhausted.Outcome.FailedState);
        Assert.True(exhausted.Outcome.Redrivable);
        // One more call than failures, and the run publishes once: from the function's publish step (enrichment) or from
        // the publish state after it (notification); the test topic records either.
        Assert.Equal(maxAttempts + 1, recovered.Calls);
        Assert.Equal(1, recovered.Published);
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public async Task LocalRunner_CatchesPermanentErrorsIntoTheFailStateWithoutRetrying(string service)
    {
        var definition = ServiceCatalog.Resolve(service).Workflow;
        var lambda = definition.Tasks.OfType<LambdaTaskState>().First();
        var catcher = Asl(service)["States"]![lambda.Name]!["Catch"]!.AsArray().Single()!;

        var run = await RunWithFailuresAsync(definition, lambda, failures: 1, permanent: true);

        Assert.Equal(1, run.Calls);
        Assert.Equal((string?)catcher["Next"], run.Outcome.FailedState);
        Assert.False(run.Outcome.Redrivable);
        Assert.Equal(WorkflowErrors.Permanent, run.Outcome.Error);
    }

    private static async Task<(int Calls, int Published, LocalRunOutcome Outcome)> RunWithFailuresAsync(
        WorkflowDefinition definition, LambdaTaskState lambda, int failures, bool permanent = false)
    {
        var step = new FailingStep(lambda.Steps[0], failures, permanent);
        var topics = new CountingTopics();
        // Recording success is not what these tests are about: its DynamoDB endpoint refuses connections, so a run that
        // gets past publishing ends there, after the topic has counted the message.
        var runner = new LocalWorkflowRunner(definition, new StepsTaskInvoker(new WorkflowTaskRunner([step, .. lambda.Steps.Skip(1).Select(n => n == WorkflowSteps.Publish
                ? new PublishStep(topics, lambda.Publishes!.Value)
                : (IWorkflowStep)new PassStep(n))])),
            new Amazon.DynamoDBv2.AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("x", "x"),
                new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", MaxErrorRetry = 0, Timeout = TimeSpan.FromSeconds(1) }),
            "unused", topics, TimeProvider.System, timeScale: 0.0001, new Random(7));
        var execution = new LocalExecution("arn:aws:states:us-east-1:0:execution:sm:x", "arn:aws:states:us-east-1:0:stateMachine:sm", "x",
            """{"requestId":"r-1"}""", DateTimeOffset.UtcNow, "RUNNING");

        var outcome = await runner.RunAsync(execution, null, null, CancellationToken.None);
        return (step.Calls, topics.Published, outcome);
    }

    private sealed class FailingStep(string name, int failures, bool permanent) : IWorkflowStep
    {
        public int Calls { get; private set; }

        public string Name => name;

        public Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken)
        {
            Calls++;
            if (Calls <= failures)
            {
                throw permanent ? new PermanentStepError("bad data") : new TransientStepError("dependency down");
            }

            return Task.FromResult<JsonNode?>(new JsonObject { ["ok"] = true });
        }
    }

    private sealed class PassStep(string name) : IWorkflowStep
    {
        public string Name => name;

        public Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken) =>
            Task.FromResult<JsonNode?>(context.Previous ?? new JsonObject { ["ok"] = true });
    }

    private sealed class CountingTopics : ITopicPublisher
    {
        public int Published { get; private set; }

        public Task PublishAsync(WorkflowTopic topic, string requestId, string message, CancellationToken cancellationToken)
        {
            Published++;
            return Task.CompletedTask;
        }
    }
}
