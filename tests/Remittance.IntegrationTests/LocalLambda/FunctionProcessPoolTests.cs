using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using Remittance.IntegrationTests.Infrastructure;
using Remittance.Local.Lambda;
using Remittance.Local.RuntimeApi;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;

namespace Remittance.IntegrationTests.LocalLambda;

/// <summary>
/// The published bootstrap run by the pool as Lambda runs it: one process per instance, fed through the Runtime API,
/// against a real DynamoDB Local. Slow invocations are made by holding the function's DynamoDB requests at a gate.
/// </summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class FunctionProcessPoolTests(DynamoDbLocalFixture dynamoDb, FunctionsBinaryFixture binary) : IClassFixture<FunctionsBinaryFixture>
{
    // Generous: a shared two-core machine may be starting processes and building at the same time.
    private static readonly TimeSpan s_wait = TimeSpan.FromMinutes(2);

    private readonly ConcurrentQueue<string> _log = new();

    [Fact]
    public async Task Invoke_WhenTheTableSettingIsMissing_ReturnsAnInitFailureNamingIt()
    {
        await using var pool = Pool(new Dictionary<string, string> { ["_HANDLER"] = "ingest", [RemittanceOptions.ServiceVariable] = "enrichment" });

        var result = await pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("init-failure-1"))).WaitAsync(s_wait);

        Assert.Equal(LocalInvocationStatus.InitFailed, result.Status);
        Assert.NotNull(result.Error);
        Assert.Contains(RemittanceOptions.TableNameVariable, result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(1, pool.InstancesStarted);
    }

    [Fact]
    public async Task Invoke_IngestWithASamplePartnerMessage_SucceedsAndWritesTheItem()
    {
        var table = await TableAsync(nameof(Invoke_IngestWithASamplePartnerMessage_SucceedsAndWritesTheItem));
        await using var pool = Pool(IngestEnvironment(table, dynamoDb.ServiceUrl));

        var result = await pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-ingest-1"))).WaitAsync(s_wait);

        Assert.True(result.Succeeded, result.PayloadText);
        Assert.Equal("""{"batchItemFailures":[]}""", result.PayloadText);
        Assert.Equal("RECEIVED", await StatusAsync(table, "pool-ingest-1"));
        Assert.Equal((1, 1), (pool.InstancesStarted, pool.Invocations));
        Assert.NotEmpty(_log);
    }

    [Fact]
    public async Task Invoke_TwoAtOnce_StartsTwoInstances()
    {
        var table = await TableAsync(nameof(Invoke_TwoAtOnce_StartsTwoInstances));
        await using var proxy = new GatedTcpProxy(new Uri(dynamoDb.ServiceUrl));
        await using var pool = Pool(IngestEnvironment(table, proxy.Url));
        proxy.Close();

        var first = pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-concurrent-1")));
        var second = pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-concurrent-2")));
        // Both are inside the function, each waiting on its DynamoDB write: two instances at work at once.
        await proxy.WaitForHeldRequestsAsync(2, s_wait);
        proxy.Open();
        var results = await Task.WhenAll(first, second).WaitAsync(s_wait);

        Assert.All(results, result => Assert.True(result.Succeeded, result.PayloadText));
        Assert.Equal(2, pool.InstancesStarted);
        Assert.Equal(2, pool.StartedProcessIds.Distinct().Count());
        Assert.Equal("RECEIVED", await StatusAsync(table, "pool-concurrent-1"));
        Assert.Equal("RECEIVED", await StatusAsync(table, "pool-concurrent-2"));
    }

    [Fact]
    public async Task Invoke_OneAfterAnother_ReusesOneWarmInstance()
    {
        var table = await TableAsync(nameof(Invoke_OneAfterAnother_ReusesOneWarmInstance));
        await using var pool = Pool(IngestEnvironment(table, dynamoDb.ServiceUrl));

        for (var i = 1; i <= 3; i++)
        {
            var result = await pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage($"pool-sequential-{i}"))).WaitAsync(s_wait);
            Assert.True(result.Succeeded, result.PayloadText);
        }

        Assert.Equal((1, 3), (pool.InstancesStarted, pool.Invocations));
        Assert.Equal("RECEIVED", await StatusAsync(table, "pool-sequential-3"));
    }

    [Fact]
    public async Task Invoke_BeyondMaxInstances_WaitsForAnIdleInstance()
    {
        var table = await TableAsync(nameof(Invoke_BeyondMaxInstances_WaitsForAnIdleInstance));
        await using var proxy = new GatedTcpProxy(new Uri(dynamoDb.ServiceUrl));
        await using var pool = Pool(IngestEnvironment(table, proxy.Url), maxInstances: 1);
        proxy.Close();

        var first = pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-capped-1")));
        var second = pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-capped-2")));
        await proxy.WaitForHeldRequestsAsync(1, s_wait);
        proxy.Open();
        var results = await Task.WhenAll(first, second).WaitAsync(s_wait);

        Assert.All(results, result => Assert.True(result.Succeeded, result.PayloadText));
        Assert.Equal((1, 2), (pool.InstancesStarted, pool.Invocations));
        Assert.Equal("RECEIVED", await StatusAsync(table, "pool-capped-2"));
    }

    [Fact]
    public async Task KillBusyInstance_MidInvocation_FailsItWithExitErrorAndTheNextInvocationRunsOnAFreshInstance()
    {
        var table = await TableAsync(nameof(KillBusyInstance_MidInvocation_FailsItWithExitErrorAndTheNextInvocationRunsOnAFreshInstance));
        await using var proxy = new GatedTcpProxy(new Uri(dynamoDb.ServiceUrl));
        await using var pool = Pool(IngestEnvironment(table, proxy.Url));
        proxy.Close();

        var killed = pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-killed-1")));
        await proxy.WaitForHeldRequestsAsync(1, s_wait);
        Assert.True(await pool.KillBusyInstanceAsync().WaitAsync(s_wait));
        var failure = await killed.WaitAsync(s_wait);
        proxy.Open();
        var next = await pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-killed-2"))).WaitAsync(s_wait);

        Assert.Equal(LocalInvocationStatus.Failed, failure.Status);
        Assert.Equal("Runtime.ExitError", failure.ErrorType);
        Assert.Contains("exit code", failure.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.True(next.Succeeded, next.PayloadText);
        Assert.Equal(2, pool.InstancesStarted);
        Assert.False(IsRunning(pool.StartedProcessIds[0]));
        Assert.Equal("RECEIVED", await StatusAsync(table, "pool-killed-2"));
    }

    [Fact]
    public async Task KillBusyInstance_WhenNoInstanceIsBusy_ReturnsFalse()
    {
        var table = await TableAsync(nameof(KillBusyInstance_WhenNoInstanceIsBusy_ReturnsFalse));
        await using var pool = Pool(IngestEnvironment(table, dynamoDb.ServiceUrl));
        Assert.True((await pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-idle-1"))).WaitAsync(s_wait)).Succeeded);

        Assert.False(await pool.KillBusyInstanceAsync().WaitAsync(s_wait));
        Assert.True(IsRunning(pool.StartedProcessIds[0]));
    }

    [Fact]
    public async Task Dispose_WithAnIdleAndABusyInstance_LeavesNoProcessRunning()
    {
        var table = await TableAsync(nameof(Dispose_WithAnIdleAndABusyInstance_LeavesNoProcessRunning));
        await using var proxy = new GatedTcpProxy(new Uri(dynamoDb.ServiceUrl));
        var pool = Pool(IngestEnvironment(table, proxy.Url));
        Task<LocalInvocationResult> running;
        try
        {
            proxy.Close();
            var warmUps = new[]
            {
                pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-dispose-1"))),
                pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-dispose-2"))),
            };
            await proxy.WaitForHeldRequestsAsync(2, s_wait);
            proxy.Open();
            Assert.All(await Task.WhenAll(warmUps).WaitAsync(s_wait), result => Assert.True(result.Succeeded, result.PayloadText));
            proxy.Close();
            running = pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-dispose-3")));
            await proxy.WaitForHeldRequestsAsync(1, s_wait);
        }
        finally
        {
            await pool.DisposeAsync().AsTask().WaitAsync(s_wait);
        }

        var ended = await running.WaitAsync(s_wait);

        Assert.Equal(2, pool.StartedProcessIds.Count);
        Assert.All(pool.StartedProcessIds, pid => Assert.False(IsRunning(pid), $"process {pid} still runs"));
        Assert.Equal("Runtime.ExitError", ended.ErrorType);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => pool.InvokeAsync(IngestEvents.Sqs(IngestEvents.PartnerMessage("pool-dispose-4"))));
    }

    private FunctionProcessPool Pool(IReadOnlyDictionary<string, string> environment, int maxInstances = 4) => new(new FunctionProcessOptions
    {
        BootstrapPath = binary.BootstrapPath,
        FunctionName = "enrichment-ingest",
        Environment = environment,
        MaxInstances = maxInstances,
        Timeout = TimeSpan.FromSeconds(90),
        InitTimeout = TimeSpan.FromSeconds(90),
        OnLogLine = _log.Enqueue,
    });

    private static Dictionary<string, string> IngestEnvironment(string table, string dynamoDbEndpoint) => new()
    {
        ["_HANDLER"] = "ingest",
        [RemittanceOptions.ServiceVariable] = "enrichment",
        [RemittanceOptions.TableNameVariable] = table,
        [RemittanceOptions.DynamoDbEndpointVariable] = dynamoDbEndpoint,
    };

    private async Task<string> TableAsync(string testName)
    {
        var table = dynamoDb.NewTablePrefix(testName) + "remittances";
        await TableSetup.EnsureTableAsync(dynamoDb.Client, table, CancellationToken.None);
        return table;
    }

    private async Task<string?> StatusAsync(string table, string requestId)
    {
        var response = await dynamoDb.Client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = requestId } },
            ConsistentRead = true,
        });
        return response.IsItemSet ? response.Item[ItemAttributes.Status].S : null;
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            // No process has that ID any more.
            return false;
        }
    }
}
