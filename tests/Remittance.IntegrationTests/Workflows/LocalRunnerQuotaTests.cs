using System.Text.Json.Nodes;
using Remittance.Aws.StepFunctions;
using Remittance.Local.StepFunctions;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Steps;

namespace Remittance.IntegrationTests.Workflows;

/// <summary>The local runner fails where Step Functions would: payloads over 256 KiB, past every Retry and Catch.</summary>
public sealed class LocalRunnerQuotaTests
{
    private sealed class CountingInvoker(Func<JsonNode?> result) : ILocalTaskInvoker
    {
        public int Calls { get; private set; }

        public Task<JsonNode?> InvokeAsync(WorkflowTaskRequest request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(result());
        }
    }

    private sealed class NoTopics : ITopicPublisher
    {
        public Task PublishAsync(Remittance.Workflows.Definition.WorkflowTopic topic, string requestId, string message, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("nothing may be published");
    }

    private static async Task<(LocalRunOutcome Outcome, int Calls)> RunAsync(int inputPadding, Func<JsonNode?> result)
    {
        var invoker = new CountingInvoker(result);
        using var dynamoDb = new Amazon.DynamoDBv2.AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("x", "x"),
            new Amazon.DynamoDBv2.AmazonDynamoDBConfig { ServiceURL = "http://127.0.0.1:9", MaxErrorRetry = 0, Timeout = TimeSpan.FromSeconds(1) });
        var runner = new LocalWorkflowRunner(ServiceCatalog.Enrichment.Workflow, invoker, dynamoDb, "unused", new NoTopics(),
            TimeProvider.System, timeScale: 0.0001, new Random(7));
        var input = new JsonObject { ["requestId"] = "r-1", ["notes"] = new string('x', inputPadding) }.ToJsonString();
        var execution = new LocalExecution("arn:aws:states:us-east-1:0:execution:sm:x", "arn:aws:states:us-east-1:0:stateMachine:sm", "x",
            input, DateTimeOffset.UtcNow, "RUNNING");
        return (await runner.RunAsync(execution, null, null, CancellationToken.None), invoker.Calls);
    }

    [Fact]
    public async Task Run_WhenTheLambdaPayloadWouldExceed256KiB_FailsWithDataLimitExceeded_WithoutInvoking()
    {
        // The input itself fits; the Parameters (task, steps and the input) do not.
        var (outcome, calls) = await RunAsync(StepFunctionsQuotas.MaxPayloadBytes - 40, () => new JsonObject());

        Assert.Equal(("FAILED", StepFunctionsQuotas.DataLimitExceeded, "EnrichAndPublish"), (outcome.Status, outcome.Error, outcome.FailedState));
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Run_WhenTheResultMakesTheStateOutputExceed256KiB_FailsWithoutRetryOrCatch()
    {
        var (outcome, calls) = await RunAsync(200 * 1024, () => new JsonObject { ["envelope"] = new string('y', 100 * 1024) });

        Assert.Equal(("FAILED", StepFunctionsQuotas.DataLimitExceeded), (outcome.Status, outcome.Error));
        Assert.Contains("output", outcome.Cause, StringComparison.Ordinal);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task StartExecution_WithAnInputOver256KiB_IsRefusedAsAWSRefusesIt()
    {
        var stepFunctions = new LocalStepFunctions(TimeProvider.System);

        await Assert.ThrowsAsync<InvalidExecutionInputException>(() => stepFunctions.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:sm",
            Name = "too-large",
            Input = new JsonObject { ["notes"] = new string('x', StepFunctionsQuotas.MaxPayloadBytes) }.ToJsonString(),
        }));
    }
}
