using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Remittance.Pipeline.Schema;

/// <summary>Creates the remittance table from <see cref="RemittanceTableSchema"/> (local host and tests; AWS uses the CDK app).</summary>
public static class TableSetup
{
    public static Task EnsureTableAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken) =>
        EnsureTableAsync(dynamoDb, RemittanceTableSchema.CreateTableRequest(tableName), cancellationToken);

    public static async Task EnsureTableAsync(IAmazonDynamoDB dynamoDb, CreateTableRequest definition, CancellationToken cancellationToken)
    {
        var tableName = definition.TableName;
        try
        {
            await dynamoDb.CreateTableAsync(definition, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Already there: creating is idempotent for the local host.
        }

        var delay = TimeSpan.FromMilliseconds(50);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var table = await dynamoDb.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false);
            if (table.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
        }

        throw new TimeoutException($"Table {tableName} did not become ACTIVE.");
    }

    /// <summary>The table's stream ARN (the local stream poller reads it).</summary>
    public static async Task<string> StreamArnAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        var table = await dynamoDb.DescribeTableAsync(tableName, cancellationToken).ConfigureAwait(false);
        return table.Table.LatestStreamArn ?? throw new InvalidOperationException($"Table {tableName} has no stream.");
    }
}
