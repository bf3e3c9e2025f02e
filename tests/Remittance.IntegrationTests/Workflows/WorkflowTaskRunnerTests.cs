using System.Text.Json.Nodes;
using Remittance.Pipeline.Start;
using Remittance.Workflows.Steps;

namespace Remittance.IntegrationTests.Workflows;

/// <summary>A task's steps run in order; a step whose result would not fit the state machine's payload stops the run before the next step.</summary>
public sealed class WorkflowTaskRunnerTests
{
    private sealed class Step(string name, Func<JsonNode?> output) : IWorkflowStep
    {
        public int Runs { get; private set; }

        public string Name => name;

        public Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.FromResult(output());
        }
    }

    [Fact]
    public async Task Run_WhenAStepResultIsOverTheCap_FailsPermanentlyAndSkipsTheNextStep()
    {
        var transform = new Step("transform", () => new JsonObject { ["body"] = new string('x', WorkflowInput.MaxTaskResultBytes) });
        var publish = new Step("publish", () => new JsonObject());
        var runner = new WorkflowTaskRunner([transform, publish]);

        var failure = await Assert.ThrowsAsync<PermanentStepError>(() =>
            runner.RunAsync(new WorkflowTaskRequest("Task", ["transform", "publish"], new JsonObject()), CancellationToken.None));

        Assert.Contains("transform", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, publish.Runs);
    }

    [Fact]
    public async Task Run_ReturnsTheLastStepsResult_WhenEveryResultFits()
    {
        var runner = new WorkflowTaskRunner([new Step("a", () => JsonValue.Create("first")), new Step("b", () => new JsonObject { ["done"] = true })]);

        var result = await runner.RunAsync(new WorkflowTaskRequest("Task", ["a", "b"], new JsonObject()), CancellationToken.None);

        Assert.True(JsonNode.DeepEquals(new JsonObject { ["done"] = true }, result));
    }
}
