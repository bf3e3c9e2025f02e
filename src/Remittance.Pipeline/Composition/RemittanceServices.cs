using Amazon;
using Amazon.DynamoDBv2;
using Remittance.Aws.SimpleNotificationService;
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
    private readonly Lazy<IAmazonSimpleNotificationService> _sns;
    private readonly bool _ownsDynamoDb;
    private readonly bool _ownsStepFunctions;
    private readonly bool _ownsSns;

    private RemittanceServices(RemittanceOptions options, ServiceProfile service, RemittanceEdges edges)
    {
        Options = options;
        Service = service;
        Time = edges.Time ?? TimeProvider.System;
        LogWriter = edges.LogWriter ?? Console.Out;
        Log = new JsonLog(LogWriter, Time, options.LogLevel);
        _ownsDynamoDb = edges.DynamoDb is null;
        _ownsStepFunctions = edges.StepFunctions is null;
        _ownsSns = edges.Sns is null;
        _dynamoDb = new(() => edges.DynamoDb ?? CreateDynamoDb(options));
        _stepFunctions = new(() => edges.StepFunctions ?? CreateStepFunctions(options));
        _sns = new(() => edges.Sns ?? CreateSns(options));
    }

    public RemittanceOptions Options { get; }

    /// <summary>The service these functions serve, as the catalog defines it.</summary>
    public ServiceProfile Service { get; }

    /// <summary>Where the functions' log lines go (standard output in Lambda, which CloudWatch Logs collects).</summary>
    public TextWriter LogWriter { get; }

    public TimeProvider Time { get; }

    public JsonLog Log { get; }

    public IAmazonDynamoDB DynamoDb => _dynamoDb.Value;

    public IAmazonStepFunctions StepFunctions => _stepFunctions.Value;

    public IAmazonSimpleNotificationService Sns => _sns.Value;

    public RemittanceRepository Repository => new(DynamoDb, Options.TableName!, Time);

    /// <summary>What this service accepts on its queue.</summary>
    public IMessageContract Contract => Service.Contract;

    public IngestProcessor CreateIngestProcessor() =>
        new(Contract, Repository, new RemittanceItemFactory(Time), Log, Options.Concurrency);

    public StartProcessor CreateStartProcessor() =>
        new(StepFunctions, Options.StateMachineArn!, Repository, Log, Options.Concurrency);

    /// <summary>Validates the options for <paramref name="function"/> of <paramref name="service"/> and builds the services, or says what is wrong.</summary>
    public static RemittanceServices Create(RemittanceOptions options, FunctionName function, ServiceProfile service, RemittanceEdges? edges = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate(function, service);
        if (problems.Count > 0)
        {
            throw new OptionsException(problems);
        }

        return new RemittanceServices(options, service, edges ?? new RemittanceEdges());
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

    private static AmazonSimpleNotificationServiceClient CreateSns(RemittanceOptions options)
    {
        var config = new AmazonSimpleNotificationServiceConfig { Region = options.Region };
        if (options.SnsServiceUrl is { } url)
        {
            config.ServiceURL = url;
        }

        return new AmazonSimpleNotificationServiceClient(config);
    }

    public void Dispose()
    {
        if (_ownsSns && _sns.IsValueCreated && _sns.Value is IDisposable sns)
        {
            sns.Dispose();
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
