using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Domain;
using Remittance.Domain.Enrichment;
using Remittance.Pipeline.Errors;
using Remittance.Pipeline.Schema;

namespace Remittance.Workflows.Steps.Enrichment;

/// <summary>
/// Looks up every invoice of the remittance in the Invoices table (one BatchGetItem; a message carries at most 100)
/// and composes the payment description. A missing invoice fails the run with its ID; an unavailable table is a
/// transient error the workflow retries.
/// </summary>
public sealed class EnrichStep(IAmazonDynamoDB dynamoDb, string invoicesTable) : IWorkflowStep
{
    private const int MaxUnprocessedRounds = 5;

    public string Name => Definition.WorkflowSteps.Enrich;

    public async Task<JsonNode?> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var message = context.Get<PartnerMessage>();
        var found = await LookUpAsync(message.InvoiceIds, cancellationToken).ConfigureAwait(false);
        var missing = message.InvoiceIds.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            throw new InvoiceNotFoundError(
                $"{missing.Count} of {message.InvoiceIds.Count} invoices are not in the Invoices table: {string.Join(", ", missing.Take(10))}");
        }

        var invoices = message.InvoiceIds.Select(id => found[id]).ToList();
        var description = invoices.Count == 1
            ? $"Payment for invoice {invoices[0].InvoiceId}: {invoices[0].Description}"
            : $"Payment for {invoices.Count} invoices: " + string.Join("; ", invoices.Select(i => $"{i.InvoiceId} ({i.Description})"));
        context.Set(new InvoiceDetails(invoices, description));
        return null;
    }

    private async Task<Dictionary<string, EnrichedInvoice>> LookUpAsync(IReadOnlyList<string> invoiceIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, EnrichedInvoice>(StringComparer.Ordinal);
        var keys = invoiceIds.Distinct(StringComparer.Ordinal)
            .Select(id => new Dictionary<string, AttributeValue> { [InvoicesTableSchema.InvoiceId] = new() { S = id } })
            .ToList();
        try
        {
            for (var round = 0; keys.Count > 0; round++)
            {
                if (round == MaxUnprocessedRounds)
                {
                    throw new TransientStepError($"The Invoices table left {keys.Count} keys unprocessed after {round} rounds.");
                }

                var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest
                {
                    RequestItems = new() { [invoicesTable] = new KeysAndAttributes { Keys = keys, ConsistentRead = false } },
                }, cancellationToken).ConfigureAwait(false);
                foreach (var item in response.Responses?.GetValueOrDefault(invoicesTable) ?? [])
                {
                    var record = ToRecord(item);
                    found[record.InvoiceId] = record;
                }

                keys = response.UnprocessedKeys?.GetValueOrDefault(invoicesTable)?.Keys ?? [];
                if (keys.Count > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 << round), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception failure) when (failure is not StepError && TransientErrors.IsTransient(failure))
        {
            throw new TransientStepError($"The Invoices table is unavailable: {failure.GetType().Name}", failure);
        }

        return found;
    }

    private static EnrichedInvoice ToRecord(Dictionary<string, AttributeValue> item) => new(
        item[InvoicesTableSchema.InvoiceId].S,
        item.GetValueOrDefault(InvoicesTableSchema.Description)?.S ?? string.Empty,
        decimal.Parse(item.GetValueOrDefault(InvoicesTableSchema.Amount)?.S ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture),
        item.GetValueOrDefault(InvoicesTableSchema.Currency)?.S ?? string.Empty,
        DateOnly.Parse(item.GetValueOrDefault(InvoicesTableSchema.IssuedAt)?.S ?? "0001-01-01", CultureInfo.InvariantCulture),
        item.GetValueOrDefault(InvoicesTableSchema.PurchaseOrder)?.S);
}
