using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Cost.Metering;
using Remittance.Domain;
using Remittance.DynamoDbLocal;
using Remittance.Local.Faults;
using Remittance.Local.Input;
using Remittance.Local.Run;
using Remittance.Local.Sns;
using Remittance.Local.Streams.Client;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;
using Remittance.Workflows.Composition;
using Remittance.Workflows.Definition;

namespace Remittance.Cost.MeteredRun;

/// <summary>
/// Runs the whole pipeline — enrichment, then notification, on their own tables, queues, streams and state machines
/// — on DynamoDB Local through the real function code, metered, in one <see cref="CostScenario"/>; checks that every
/// remittance ended as the scenario says it must, so a measurement never counts a broken run.
/// </summary>
public static class CostPipeline
{
    private const int MaxSweeps = 10;

    public static async Task<CostMeasurement> MeasureAsync(
        CostRunSettings settings,
        IReadOnlyList<InputMessage> messages,
        CostScenario scenario,
        string tablePrefix,
        CancellationToken cancellationToken)
    {
        var enrichmentTable = tablePrefix + "remittances";
        var notificationTable = enrichmentTable + "-notifications";
        var invoicesTable = enrichmentTable + "-invoices";
        using var setup = DynamoDbLocalClients.CreateClient(settings.ServiceUrl);
        await TableSetup.EnsureTableAsync(setup, enrichmentTable, cancellationToken).ConfigureAwait(false);
        await TableSetup.EnsureTableAsync(setup, notificationTable, cancellationToken).ConfigureAwait(false);
        await InvoiceSeeder.SeedAsync(setup, invoicesTable, settings.InvoicesPath, cancellationToken).ConfigureAwait(false);

        var ledger = new CostLedger();
        var meter = new DynamoDbMeter(ledger);
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal)
        {
            [ServiceCatalog.Enrichment.Name] = TableShape.From(RemittanceTableSchema.CreateTableRequest(enrichmentTable)),
            [ServiceCatalog.Notification.Name] = TableShape.From(RemittanceTableSchema.CreateTableRequest(notificationTable)),
        };
        foreach (var shape in tables.Values.Append(TableShape.From(InvoicesTableSchema.CreateTableRequest(invoicesTable))))
        {
            meter.Register(shape);
        }

        var config = DynamoDbLocalClients.CreateConfig(settings.ServiceUrl);
        config.HttpClientFactory = new HandlerHttpClientFactory(new MeteringDynamoDbHandler(meter, ledger));
        using var metered = new AmazonDynamoDBClient(DynamoDbLocalClients.Credentials, config);
        // Lambda reads DynamoDB Streams for free: the stream client is not metered.
        using var streams = new AmazonDynamoDBStreamsClient(DynamoDbLocalClients.Credentials, new AmazonDynamoDBStreamsConfig { ServiceURL = settings.ServiceUrl });
        var topics = new MeteredTopics(ledger);
        var edges = new RemittanceEdges { LogWriter = TextWriter.Null };
        var fault = scenario == CostScenario.OneRedrive ? new FirstEnrichFailsOnce() : null;
        using var enrichment = new MeteredService(ServiceCatalog.Enrichment,
            new ServiceResources
            {
                TableName = enrichmentTable,
                StateMachineArn = LocalRunOptions.StateMachineArn(ServiceCatalog.Enrichment),
                TopicArn = LocalSns.TopicArn(WorkflowTopic.Enriched),
                InvoicesTableName = invoicesTable,
                RetryThreshold = settings.RetryThreshold,
            },
            edges, metered, streams, await TableSetup.StreamArnAsync(setup, enrichmentTable, cancellationToken).ConfigureAwait(false),
            topics, ledger, fault is null ? null : fault.After);
        using var notification = new MeteredService(ServiceCatalog.Notification,
            new ServiceResources
            {
                TableName = notificationTable,
                StateMachineArn = LocalRunOptions.StateMachineArn(ServiceCatalog.Notification),
                NotificationCatalogDirectory = settings.NotificationCatalogDirectory,
                RetryThreshold = settings.RetryThreshold,
            },
            edges, metered, streams, await TableSetup.StreamArnAsync(setup, notificationTable, cancellationToken).ConfigureAwait(false), topics, ledger, null);
        var services = new[] { enrichment, notification };
        foreach (var service in services)
        {
            await service.CheckpointStreamAsync(cancellationToken).ConfigureAwait(false);
        }

        // SNS delivers enriched envelopes to the notification queue (raw delivery); the delivery channel is not ours.
        topics.Subscribers[WorkflowTopic.Enriched] = (requestId, message, _) =>
        {
            notification.Send(new InputMessage("enriched:" + requestId, message));
            return Task.CompletedTask;
        };
        foreach (var message in messages)
        {
            enrichment.Send(message);
        }

        var sweeps = 0;
        while (true)
        {
            var moved = 0;
            foreach (var service in services)
            {
                moved += await service.PumpAsync(cancellationToken).ConfigureAwait(false);
                await service.StepFunctions.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
            }

            if (moved > 0)
            {
                continue;
            }

            if (sweeps == MaxSweeps)
            {
                throw new InvalidOperationException($"The pipeline still had work after {MaxSweeps} sweeps.");
            }

            sweeps++;
            var reDriven = 0;
            foreach (var service in services)
            {
                reDriven += await service.SweepAsync(cancellationToken).ConfigureAwait(false);
                await service.StepFunctions.WhenIdleAsync(cancellationToken).ConfigureAwait(false);
            }

            if (reDriven == 0)
            {
                break;
            }
        }

        await CheckOutcomeAsync(setup, scenario, messages.Count, enrichmentTable, notificationTable, cancellationToken).ConfigureAwait(false);
        if (ledger.DynamoDbCalls.Where(c => c.Unpriced).ToList() is { Count: > 0 } unpriced)
        {
            throw new InvalidOperationException($"The meter could not price {unpriced.Count} DynamoDB call(s), so the run is not priced: " +
                string.Join("; ", unpriced.Take(5).Select(c => $"{c.Operation} on {c.TableName}: {c.UnpricedReason}")));
        }

        return new CostMeasurement(scenario, messages.Count, ledger, tables, meter, sweeps);
    }

    private static async Task CheckOutcomeAsync(
        IAmazonDynamoDB dynamoDb,
        CostScenario scenario,
        int expected,
        string enrichmentTable,
        string notificationTable,
        CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var enrichmentAttempt = scenario == CostScenario.OneRedrive ? 2 : 1;
        foreach (var (table, status, attempt) in new[]
                 {
                     (enrichmentTable, RemittanceStatus.Enriched.ToWire(), enrichmentAttempt),
                     (notificationTable, RemittanceStatus.Notified.ToWire(), 1),
                 })
        {
            var items = await ScanAsync(dynamoDb, table, cancellationToken).ConfigureAwait(false);
            if (items.Count != expected)
            {
                problems.Add($"{table} holds {items.Count} items, expected {expected} remittances and nothing else");
            }

            foreach (var item in items)
            {
                var actualStatus = item.GetValueOrDefault(ItemAttributes.Status)?.S;
                var actualAttempt = item.GetValueOrDefault(ItemAttributes.Attempt)?.N;
                if (actualStatus != status || actualAttempt != attempt.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    problems.Add($"{item[ItemAttributes.RequestId].S} in {table} is {actualStatus} at attempt {actualAttempt}, expected {status} at attempt {attempt}");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The {scenario} run did not end as that scenario requires, so it is not measured: " +
                string.Join("; ", problems.Take(5)));
        }
    }

    private static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB dynamoDb, string table, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true }, cancellationToken)
                .ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items;
    }
}
