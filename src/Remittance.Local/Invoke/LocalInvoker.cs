using Remittance.DynamoDbLocal;
using Remittance.Local.Input;
using Remittance.Local.Lambda;
using Remittance.Local.Run;
using Remittance.Local.RuntimeApi;
using Remittance.Local.Sns;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;

namespace Remittance.Local.Invoke;

/// <summary>
/// Runs one function on one event as Lambda would (like <c>sam local invoke</c>): the function gets the environment
/// the CDK app gives it (<see cref="FunctionEnvironment"/>) and runs in process or, with the process runtime, as the
/// published binary polling a local Runtime API. It talks to a DynamoDB Local with the service's tables, the local
/// Step Functions (starts are recorded, not run) and the local SNS.
/// </summary>
public static class LocalInvoker
{
    public static async Task<LocalInvocationResult> InvokeAsync(
        FunctionName function,
        byte[] eventPayload,
        LocalRunOptions options,
        CancellationToken cancellationToken)
    {
        await using var server = await DynamoDbLocalServer.StartAsync(options.DynamoDb, cancellationToken).ConfigureAwait(false);
        using var dynamoDb = server.CreateClient();
        await TableSetup.EnsureTableAsync(dynamoDb, options.TableName, cancellationToken).ConfigureAwait(false);
        if (options.InvoicesPath is { } invoices)
        {
            await InvoiceSeeder.SeedAsync(dynamoDb, options.InvoicesTableName, invoices, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await TableSetup.EnsureTableAsync(dynamoDb, InvoicesTableSchema.CreateTableRequest(options.InvoicesTableName), cancellationToken)
                .ConfigureAwait(false);
        }

        var service = options.Service;
        var resources = new ServiceResources
        {
            TableName = options.TableName,
            StateMachineArn = LocalRunOptions.StateMachineArn(service),
            TopicArn = LocalSns.TopicArn(WorkflowTopic.Enriched),
            InvoicesTableName = options.InvoicesTableName,
            NotificationCatalogDirectory = Path.GetFullPath(options.NotificationCatalogDirectory),
            RetryThreshold = options.RetryThreshold,
        };

        // The enrichment workflow function publishes the envelope itself; here that goes to an in-process topic, reported below.
        var topics = new RecordingTopics();
        var sns = new LocalSns(topics);
        var log = options.FunctionLog ?? TextWriter.Null;
        await using var runtime = options.Runtime == LocalRuntimeKind.Process
            ? await ProcessRuntime.StartAsync(options, server.ServiceUrl, sns, cancellationToken).ConfigureAwait(false)
            : new InProcessRuntime(_ => dynamoDb, sns, options.Time, LocalRunner.FunctionTimeout);
        await using var instance = runtime.Start(service.Name, function, FunctionEnvironment.For(function, service, resources),
            new LocalStepFunctions(options.Time), line =>
            {
                lock (log)
                {
                    log.WriteLine(line);
                }
            });
        var result = await instance.InvokeAsync(eventPayload, cancellationToken).ConfigureAwait(false);
        foreach (var (topic, _, message) in topics.Published)
        {
            await log.WriteLineAsync(
                $"local topic {topic}: 1 message published ({System.Text.Encoding.UTF8.GetByteCount(message)} bytes); in AWS this is an SNS Publish").ConfigureAwait(false);
        }

        return result;
    }
}
