using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Aws.Lambda.Serialization;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Workflows.Functions;
using Remittance.Workflows.Steps;

namespace Remittance.Workflows.Composition;

/// <summary>
/// The one composition root of a function, used by the Lambda binary, the local host, the CLI, the cost meter and
/// the tests: the handler setting says which function, the environment says everything else (the service among it),
/// and the edges may replace only the AWS clients, the clock and the log writer.
/// </summary>
public static class FunctionHost
{
    /// <summary>Builds the function <paramref name="handler"/> names from <paramref name="environment"/>, or throws an
    /// <see cref="OptionsException"/> naming every setting that is missing or wrong.</summary>
    public static FunctionInstance Create(string? handler, Func<string, string?> environment, RemittanceEdges? edges = null)
    {
        var function = FunctionNames.Parse(handler);
        var options = RemittanceOptions.FromEnvironment(environment);
        var service = ServiceCatalog.All.FirstOrDefault(s => s.Name == options.Service);
        if (service is null)
        {
            // Every problem at once: the unknown service and whatever else is missing.
            List<string> problems = [];
            try
            {
                ServiceCatalog.Resolve(options.Service);
            }
            catch (OptionsException unknown)
            {
                problems.AddRange(unknown.Problems);
            }

            throw new OptionsException([.. problems, .. options.Validate(function, null)]);
        }

        var services = RemittanceServices.Create(options, function, service.Profile, edges);
        try
        {
            return new FunctionInstance(function, service, services, Handler(function, service, services));
        }
        catch
        {
            services.Dispose();
            throw;
        }
    }

    /// <inheritdoc cref="Create(string?, Func{string, string?}, RemittanceEdges?)"/>
    public static FunctionInstance Create(FunctionName function, IReadOnlyDictionary<string, string> environment, RemittanceEdges? edges = null) =>
        Create(FunctionNames.Handler(function), name => environment.GetValueOrDefault(name), edges);

    /// <summary>The only place a function's handler is chosen.</summary>
    private static HandlerWrapper Handler(FunctionName function, ServiceDefinition service, RemittanceServices services) => function switch
    {
        FunctionName.Ingest => HandlerWrapper.GetHandlerWrapper(
            new IngestFunction(services.CreateIngestProcessor()).HandleAsync,
            AwsEventsJsonContext.Default.SQSEvent,
            AwsEventsJsonContext.Default.SQSBatchResponse),
        FunctionName.Stream => HandlerWrapper.GetHandlerWrapper(
            new StreamFunction(services.CreateStartProcessor()).HandleAsync,
            AwsEventsJsonContext.Default.DynamoDBEvent,
            AwsEventsJsonContext.Default.StreamsEventResponse),
        FunctionName.Workflow => HandlerWrapper.GetHandlerWrapper(
            new WorkflowFunction(new WorkflowTaskRunner(service.Steps(services))).HandleAsync),
        FunctionName.Status => StatusFunction.CreateHandler(services),
        FunctionName.Sweeper => SweeperFunction.CreateHandler(services),
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, null),
    };
}
