using Amazon.DynamoDBv2;
using Remittance.DynamoDbLocal;
using Remittance.Local.Endpoints;
using Remittance.Local.StepFunctions;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Remittance.Cdk.Tests.Deployed;

/// <summary>
/// What the deployed functions talk to, on this machine: one DynamoDB Local, the local Step Functions (starts are
/// recorded, not run) and a recording SNS, each behind the HTTP endpoint the binary is pointed at.
/// </summary>
public sealed class LocalAws(IMessageSink diagnostics) : IAsyncLifetime
{
    private DynamoDbLocalServer? _server;
    private LocalStepFunctionsEndpoint? _stepFunctionsEndpoint;
    private LocalSnsEndpoint? _snsEndpoint;

    public IAmazonDynamoDB DynamoDb { get; private set; } = null!;

    public string DynamoDbUrl => _server!.ServiceUrl;

    public LocalStepFunctions StepFunctions { get; } = new(TimeProvider.System);

    public RecordingSns Sns { get; } = new();

    public string StepFunctionsUrl => _stepFunctionsEndpoint!.ServiceUrl;

    public string SnsUrl => _snsEndpoint!.ServiceUrl;

    public async Task InitializeAsync()
    {
        _server = await DynamoDbLocalServer.StartAsync(
            DynamoDbLocalOptions.FromEnvironment(message => diagnostics.OnMessage(new DiagnosticMessage(message))), CancellationToken.None);
        DynamoDb = _server.CreateClient();
        _stepFunctionsEndpoint = LocalStepFunctionsEndpoint.Start(StepFunctions);
        _snsEndpoint = LocalSnsEndpoint.Start(Sns);
    }

    public async Task DisposeAsync()
    {
        DynamoDb.Dispose();
        await _snsEndpoint!.DisposeAsync();
        await _stepFunctionsEndpoint!.DisposeAsync();
        await _server!.DisposeAsync();
    }
}
