using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Aws.Lambda.RuntimeSupport.Local;
using Remittance.DynamoDbLocal;
using Remittance.Local.Run;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Functions;
using Remittance.Pipeline.Contracts;
using Remittance.Pipeline.Schema;
using Remittance.Local.Workflows;
using Remittance.Workflows.Composition;

namespace Remittance.Local.Invoke;

/// <summary>
/// Runs one function on one event exactly as Lambda would: the real bootstrap loop polls a local stand-in of the
/// Lambda Runtime API, which hands it the event and collects the response or error (like <c>sam local invoke</c>).
/// The function talks to a DynamoDB Local with the remittance table and to the local workflow runner.
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

        using var services = RemittanceServices.Create(
            new RemittanceOptions
            {
                Service = options.Service,
                TableName = options.TableName,
                StateMachineArn = options.Service == "notification" ? LocalRunOptions.NotificationStateMachineArn : LocalRunOptions.StateMachineArn,
                InvoicesTableName = options.InvoicesTableName,
                NotificationCatalogDirectory = options.NotificationCatalogDirectory,
                RetryThreshold = options.RetryThreshold,
            },
            function,
            new RemittanceEdges
            {
                Contract = options.Service == "notification" ? EnvelopeContract.Instance : null,
                DynamoDb = dynamoDb,
                StepFunctions = new LocalStepFunctions(options.Time),
                Time = options.Time,
                LogWriter = options.FunctionLog ?? TextWriter.Null,
            });

        await using var runtimeApi = LocalRuntimeApi.Start(new LocalRuntimeApiOptions
        {
            FunctionArn = $"arn:aws:lambda:us-east-1:000000000000:function:remittance-{function.ToString().ToLowerInvariant()}",
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // The enrichment workflow function publishes the envelope itself; here that goes to an in-process topic, reported below.
        var topics = new RecordingTopics();
        using var bootstrap = new LambdaBootstrap(AllFunctions.Create(function, services, topics), null, new LambdaBootstrapOptions
        {
            RuntimeApiAddress = runtimeApi.Address,
            FunctionLog = options.FunctionLog ?? TextWriter.Null,
            RuntimeLog = options.FunctionLog ?? TextWriter.Null,
        });
        var loop = bootstrap.RunAsync(stop.Token);
        try
        {
            var result = await runtimeApi.InvokeAsync(eventPayload, cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var (topic, _, message) in topics.Published)
            {
                await (options.FunctionLog ?? TextWriter.Null).WriteLineAsync(
                    $"local topic {topic}: 1 message published ({System.Text.Encoding.UTF8.GetByteCount(message)} bytes); in AWS this is an SNS Publish").ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAny(loop, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None)).ConfigureAwait(false);
        }
    }
}
