using System.Collections.Concurrent;
using Remittance.Local.Endpoints;
using Remittance.Local.Run;
using Remittance.Local.Sns;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;

namespace Remittance.Local.Lambda;

/// <summary>
/// Runs each function as the published <c>bootstrap</c> binary, as Lambda does: one warm process per instance, fed
/// through a local Runtime API, with the function's deployed environment and nothing else but where the local
/// stand-ins are (DynamoDB Local, and HTTP endpoints in front of the local Step Functions and SNS).
/// </summary>
public sealed class ProcessRuntime : ILocalRuntime
{
    private readonly string _bootstrap;
    private readonly string _dynamoDbUrl;
    private readonly LocalSnsEndpoint _sns;
    private readonly int _maxInstances;
    private readonly ConcurrentDictionary<LocalStepFunctions, LocalStepFunctionsEndpoint> _stepFunctions = new();

    private ProcessRuntime(string bootstrap, string dynamoDbUrl, LocalSnsEndpoint sns, int maxInstances)
    {
        _bootstrap = bootstrap;
        _dynamoDbUrl = dynamoDbUrl;
        _sns = sns;
        _maxInstances = maxInstances;
    }

    public string Description => $"the published binary ({_bootstrap}), one process per function instance, up to {_maxInstances} per function";

    /// <summary>Finds (or publishes) the binary and starts the local SNS endpoint the functions publish to.</summary>
    public static async Task<ILocalRuntime> StartAsync(LocalRunOptions options, string dynamoDbUrl, LocalSns sns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bootstrap = await FunctionsBinary.LocateAsync(options.FunctionsDirectory, notice => Console.Error.WriteLine(notice), cancellationToken)
            .ConfigureAwait(false);
        return new ProcessRuntime(bootstrap, dynamoDbUrl, LocalSnsEndpoint.Start(sns), options.MaxInstances);
    }

    public ILocalFunction Start(string service, FunctionName function, IReadOnlyDictionary<string, string> environment, LocalStepFunctions stepFunctions,
        Action<string> onLogLine)
    {
        var endpoint = _stepFunctions.GetOrAdd(stepFunctions, LocalStepFunctionsEndpoint.Start);
        var name = $"{service}-{FunctionNames.Handler(function)}";
        var processEnvironment = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["_HANDLER"] = FunctionNames.Handler(function),
            [RemittanceOptions.DynamoDbEndpointVariable] = _dynamoDbUrl,
            [RemittanceOptions.StepFunctionsEndpointVariable] = endpoint.ServiceUrl,
            [RemittanceOptions.SnsEndpointVariable] = _sns.ServiceUrl,
        };
        return new ProcessFunction(name, new FunctionProcessPool(new FunctionProcessOptions
        {
            BootstrapPath = _bootstrap,
            FunctionName = name,
            Environment = processEnvironment,
            MaxInstances = _maxInstances,
            Timeout = LocalRunner.FunctionTimeout,
            OnLogLine = onLogLine,
        }));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in _stepFunctions.Values)
        {
            await endpoint.DisposeAsync().ConfigureAwait(false);
        }

        await _sns.DisposeAsync().ConfigureAwait(false);
    }
}
