using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Bench.Support;

/// <summary>
/// Deletes a trial's tables once it is measured. DynamoDB Local gets slower with every table and stream it holds
/// (measured: its raw rate for the same operations fell from 401 to 314 to 73 per second over three end-to-end pairs
/// that each left six tables behind), so a trial that leaves its tables would slow every trial after it.
/// </summary>
public static class TableCleanup
{
    /// <summary>Deletes the table <paramref name="table"/> and the tables named after it (<c>table-…</c>).</summary>
    public static async Task DeleteAsync(IAmazonDynamoDB dynamoDb, string table, CancellationToken ct)
    {
        string? start = null;
        var names = new List<string>();
        do
        {
            var page = await dynamoDb.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start }, ct);
            names.AddRange((page.TableNames ?? []).Where(n => n == table || n.StartsWith(table + "-", StringComparison.Ordinal)));
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);

        foreach (var name in names)
        {
            await dynamoDb.DeleteTableAsync(name, ct);
        }
    }
}
