using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.DynamoDbLocal;
using Remittance.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Remittance.IntegrationTests;

/// <summary>
/// The launcher itself, against real servers. The throwaway table below is deliberately not the pipeline's
/// schema: these tests are about DynamoDB Local, not about Remittance's tables.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbLocalServerTests(DynamoDbLocalFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan s_startBound = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Server_WhenStarted_AnswersListTables()
    {
        var response = await fixture.Client.ListTablesAsync(new ListTablesRequest());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.HttpStatusCode);
        Assert.StartsWith("http://", fixture.ServiceUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_WhenCreatedWithNewAndOldImagesStream_StoresItemsAndDescribesTheStream()
    {
        var tableName = fixture.NewTablePrefix(nameof(Table_WhenCreatedWithNewAndOldImagesStream_StoresItemsAndDescribesTheStream)) + "items";

        await CreateTableAsync(fixture.Client, tableName);
        await fixture.Client.PutItemAsync(tableName, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "req-1" },
            ["amount"] = new() { N = "12.50" },
        });

        var item = await fixture.Client.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["pk"] = new AttributeValue { S = "req-1" } },
            ConsistentRead = true,
        });
        var table = (await fixture.Client.DescribeTableAsync(tableName)).Table;
        // DynamoDB normalizes numbers ("12.50" comes back as "12.5"): compare values, not text.
        Assert.Equal(12.50m, decimal.Parse(item.Item["amount"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.True(table.StreamSpecification.StreamEnabled);
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, table.StreamSpecification.StreamViewType);
        Assert.False(string.IsNullOrEmpty(table.LatestStreamArn));
    }

    [Fact]
    public async Task Servers_WhenStartedConcurrently_EachHasItsOwnPortAndTables()
    {
        using var bound = new CancellationTokenSource(s_startBound);
        var starting = new[] { StartOwnServerAsync(bound.Token), StartOwnServerAsync(bound.Token) };
        await using var first = await starting[0];
        await using var second = await starting[1];
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var tableName = fixture.NewTablePrefix(nameof(Servers_WhenStartedConcurrently_EachHasItsOwnPortAndTables)) + "only-on-first";

        await CreateTableAsync(firstClient, tableName);

        Assert.NotEqual(first.ServiceUrl, second.ServiceUrl);
        Assert.Contains(tableName, (await firstClient.ListTablesAsync(new ListTablesRequest())).TableNames);
        Assert.DoesNotContain(tableName, (await secondClient.ListTablesAsync(new ListTablesRequest())).TableNames ?? []);
    }

    [Fact]
    public async Task Dispose_WhenServerWasStartedHere_StopsItSoThePortRefusesConnections()
    {
        using var bound = new CancellationTokenSource(s_startBound);
        var server = await StartOwnServerAsync(bound.Token);
        var port = new Uri(server.ServiceUrl).Port;

        await server.DisposeAsync();

        using var probe = new TcpClient();
        var refused = await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", port, bound.Token).AsTask());
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    /// <summary>
    /// A server of this test's own, whatever the fixture uses: an external endpoint from the environment cannot be
    /// started twice or stopped, so those settings fall back to starting one (a forced mode is kept).
    /// </summary>
    private Task<DynamoDbLocalServer> StartOwnServerAsync(CancellationToken cancellationToken)
    {
        var options = DynamoDbLocalOptions.FromEnvironment(output.WriteLine);
        if (options.Mode == DynamoDbLocalMode.External)
        {
            options = options with { Mode = DynamoDbLocalMode.Auto, ExternalEndpoint = null };
        }

        return DynamoDbLocalServer.StartAsync(options, cancellationToken);
    }

    private static async Task CreateTableAsync(IAmazonDynamoDB client, string tableName) =>
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = tableName,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
        });
}
