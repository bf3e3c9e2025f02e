using Remittance.Aws.SimpleNotificationService;
using Remittance.Aws.StepFunctions;
using Remittance.Local.Endpoints;

namespace Remittance.IntegrationTests.Endpoints;

/// <summary>
/// Several clients (as several function instances would be) calling both endpoints at once over kept-alive
/// connections: every call is answered, and answered with its own result.
/// </summary>
public sealed class EndpointConcurrencyTests
{
    private const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:remittance-enrichment";
    private const string TopicArn = "arn:aws:sns:us-east-1:123456789012:remittance-prod-enrichment-Enriched";
    private const int Clients = 4;
    private const int CallsPerClient = 50;

    [Fact]
    public async Task Endpoints_UnderManyConcurrentCallsFromSeveralClients_AnswerEveryCallWithItsOwnResult()
    {
        var stepFunctionsBackend = new FakeStepFunctionsBackend
        {
            OnStart = request => new StartExecutionResponse { ExecutionArn = "arn:execution:" + request.Name, StartDate = DateTime.UnixEpoch },
        };
        var snsBackend = new FakeSnsBackend { OnPublish = request => new PublishResponse { MessageId = "id-" + request.Message } };
        await using var stepFunctions = LocalStepFunctionsEndpoint.Start(stepFunctionsBackend);
        await using var sns = LocalSnsEndpoint.Start(snsBackend);
        var stepFunctionsClients = Enumerable.Range(0, Clients).Select(_ => EndpointClients.StepFunctions(stepFunctions)).ToList();
        var snsClients = Enumerable.Range(0, Clients).Select(_ => EndpointClients.Sns(sns)).ToList();
        try
        {
            var calls = Enumerable.Range(0, Clients * CallsPerClient).SelectMany(i => new[]
            {
                Task.Run(async () =>
                {
                    var started = await stepFunctionsClients[i % Clients].StartExecutionAsync(
                        new StartExecutionRequest { StateMachineArn = StateMachineArn, Name = $"run-{i}", Input = "{}" });
                    return (Expected: $"arn:execution:run-{i}", Actual: started.ExecutionArn);
                }),
                Task.Run(async () =>
                {
                    var published = await snsClients[i % Clients].PublishAsync(new PublishRequest { TopicArn = TopicArn, Message = $"message-{i}" });
                    return (Expected: $"id-message-{i}", Actual: published.MessageId);
                }),
            }).ToList();

            var results = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(2 * Clients * CallsPerClient, results.Length);
            Assert.All(results, result => Assert.Equal(result.Expected, result.Actual));
            Assert.Equal(Clients * CallsPerClient, stepFunctionsBackend.Starts.Select(s => s.Name).Distinct().Count());
            Assert.Equal(Clients * CallsPerClient, snsBackend.Published.Select(p => p.Message).Distinct().Count());
        }
        finally
        {
            stepFunctionsClients.ForEach(client => client.Dispose());
            snsClients.ForEach(client => client.Dispose());
        }
    }
}
