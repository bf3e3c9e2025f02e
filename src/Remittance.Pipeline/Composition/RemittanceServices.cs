using Amazon;
using Amazon.DynamoDBv2;
using Remittance.Aws.StepFunctions;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Ingest;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Start;
using Remittance.Pipeline.Storage;

namespace Remittance.Pipeline.Composition;

/// <summary>
/// The one composition root, shared by the Lambda host, the local host, the CLI and the tests. Hand-written rather
/// than a DI container: a function builds only what it uses, lazily, which keeps cold starts short and the trimmed
/// binary free of reflection.
/// </summary>
public sealed class RemittanceServices : IDisposable
{
    private readonly Lazy<IAmazonDynamoDB> _dynamoDb;
    private readonly Lazy<IAmazonStepFunctions> _stepFunctions;
    private readonly bool _ownsDynamoDb;
    private readonly bool _ownsStepFunctions;
    private readonly List<IDisposable> _owned = [];

    private RemittanceServices(RemittanceOptions options, RemittanceEdges edges)
    {
        Options = options;
        Time = edges.Time ?? TimeProvider.System;
        Log = new JsonLog(edges.LogWriter ?? Console.Out, Time, options.LogLevel);
        Contract = edges.Contract ?? PartnerMessageContract.Instance;
        _ownsDynamoDb = edges.DynamoDb is null;
        _ownsStepFunctions = edges.StepFunctions is null;
        _dynamoDb = new(() => edges.DynamoDb ?? CreateDynamoDb(options));
        _stepFunctions = new(() => edges.StepFunctions ?? CreateStepFunctions(options));
    }

    public RemittanceOptions Options { get; }

    public TimeProvider Time { get; }

    public JsonLog Log { get; }

    public IAmazonDynamoDB DynamoDb => _dynamoDb.Value;

    public IAmazonStepFunctions StepFunctions => _stepFunctions.Value;

    public RemittanceRepository Repository => new(DynamoDb, Options.TableName!, Time);

    /// <summary>What this service accepts on its queue (partner messages unless the edges say otherwise).</summary>
    public IMessageContract Contract { get; }

    public IngestProcessor CreateIngestProcessor() =>
        new(Contract, Repository, new RemittanceItemFactory(Time), Log, Options.Concurrency);

    public StartProcessor CreateStartProcessor() =>
        new(StepFunctions, Options.StateMachineArn!, Repository, Log, Options.Concurrency);

    /// <summary>Validates the options for <paramref name="function"/> and builds the services, or says what is wrong.</summary>
    public static RemittanceServices Create(RemittanceOptions options, FunctionName function, RemittanceEdges? edges = null)
    {
        var problems = options.Validate(function);
        if (problems.Count > 0)
        {
            throw new OptionsException(problems);
        }

        return new RemittanceServices(options, edges ?? new RemittanceEdges());
    }

    private static AmazonDynamoDBClient CreateDynamoDb(RemittanceOptions options)
    {
        var config = new AmazonDynamoDBConfig();
        if (options.DynamoDbServiceUrl is { } url)
        {
            config.ServiceURL = url;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        return new AmazonDynamoDBClient(config);
    }

    private static AmazonStepFunctionsClient CreateStepFunctions(RemittanceOptions options)
    {
        var config = new AmazonStepFunctionsConfig { Region = options.Region };
        if (options.StepFunctionsServiceUrl is { } url)
        {
            config.ServiceURL = url;
        }

        return new AmazonStepFunctionsClient(config);
    }

    /// <summary>Keeps <paramref name="client"/> to dispose with the services (clients other layers build, such as SNS).</summary>
    public T Own<T>(T client)
        where T : IDisposable
    {
        _owned.Add(client);
        return client;
    }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        if (_ownsDynamoDb && _dynamoDb.IsValueCreated)
        {
            _dynamoDb.Value.Dispose();
        }

        if (_ownsStepFunctions && _stepFunctions.IsValueCreated && _stepFunctions.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
