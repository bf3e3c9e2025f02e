using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Pipeline.Schema;

namespace Remittance.Local.Input;

/// <summary>Loads invoices (one JSON object per line, as in samples/invoices.jsonl) into the local Invoices table.</summary>
public static class InvoiceSeeder
{
    public static async Task<int> SeedAsync(IAmazonDynamoDB dynamoDb, string tableName, string path, CancellationToken cancellationToken)
    {
        await TableSetup.EnsureTableAsync(dynamoDb, InvoicesTableSchema.CreateTableRequest(tableName), cancellationToken).ConfigureAwait(false);
        var items = new List<WriteRequest>();
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var invoice = JsonNode.Parse(line) as JsonObject
                ?? throw new FormatException($"{path}:{lineNumber}: expected one JSON object per line.");
            if (invoice[InvoicesTableSchema.InvoiceId] is not JsonValue id || !id.TryGetValue<string>(out var invoiceId) || invoiceId.Length == 0)
            {
                throw new FormatException($"{path}:{lineNumber}: '{InvoicesTableSchema.InvoiceId}' is missing.");
            }

            var item = invoice.Where(p => p.Value is JsonValue).ToDictionary(
                p => p.Key, p => new AttributeValue { S = p.Value!.ToString() }, StringComparer.Ordinal);
            items.Add(new WriteRequest(new PutRequest(item)));
        }

        foreach (var chunk in items.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>> { [tableName] = [.. chunk] };
            while (pending.Count > 0 && pending.Values.Sum(v => v.Count) > 0)
            {
                var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellationToken).ConfigureAwait(false);
                pending = response.UnprocessedItems ?? [];
            }
        }

        return items.Count;
    }
}
