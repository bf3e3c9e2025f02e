using System.Net;
using System.Net.Sockets;
using Remittance.Local.Http;

namespace Remittance.IntegrationTests.Http;

/// <summary>
/// The loopback server behind the local Runtime API and the local AWS endpoints, driven by a real HttpClient: AWS
/// clients keep connections alive between calls and make calls from many tasks at once.
/// </summary>
public sealed class LocalHttpServerTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task LocalHttpServer_SequentialRequestsFromOneClient_AreAllServedOnOneKeptAliveConnection()
    {
        await using var server = LocalHttpServer.Start(Echo);
        var connections = 0;
        using var client = new HttpClient(CountingHandler(() => Interlocked.Increment(ref connections))) { BaseAddress = Address(server) };
        // Small and large bodies alternate so that a body read past one buffer fill is followed by another request.
        var bodies = Enumerable.Range(0, 20).Select(i => new byte[i % 2 == 0 ? 10 : 300_000]).ToList();
        for (var i = 0; i < bodies.Count; i++)
        {
            Random.Shared.NextBytes(bodies[i]);
        }

        foreach (var body in bodies)
        {
            using var response = await client.PostAsync("/echo", new ByteArrayContent(body)).WaitAsync(s_bound);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(body, await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(1, Volatile.Read(ref connections));
    }

    [Fact]
    public async Task LocalHttpServer_RequestsOnSeveralConnections_AreHandledAtTheSameTime()
    {
        const int Callers = 8;
        var arrived = 0;
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Every handler waits for all the others: a server that served one connection at a time would never answer.
        await using var server = LocalHttpServer.Start(async (request, cancellationToken) =>
        {
            if (Interlocked.Increment(ref arrived) == Callers)
            {
                allArrived.SetResult();
            }

            await allArrived.Task.WaitAsync(cancellationToken);
            return new LocalHttpResponse(200, "OK", request.Body, "application/octet-stream");
        });
        var connections = 0;
        using var client = new HttpClient(CountingHandler(() => Interlocked.Increment(ref connections))) { BaseAddress = Address(server) };

        var responses = await Task.WhenAll(Enumerable.Range(0, Callers).Select(async i =>
        {
            using var response = await client.PostAsync("/", new StringContent($"caller-{i}"));
            return await response.Content.ReadAsStringAsync();
        })).WaitAsync(s_bound);

        Assert.Equal(Enumerable.Range(0, Callers).Select(i => $"caller-{i}"), responses);
        Assert.Equal(Callers, Volatile.Read(ref connections));
    }

    [Fact]
    public async Task LocalHttpServer_AfterManyConcurrentKeptAliveCalls_AnswersEachWithItsOwnBody()
    {
        await using var server = LocalHttpServer.Start(Echo);
        var clients = Enumerable.Range(0, 4).Select(_ => new HttpClient { BaseAddress = Address(server) }).ToList();
        try
        {
            var calls = Enumerable.Range(0, 200).Select(async i =>
            {
                using var response = await clients[i % clients.Count].PostAsync("/", new StringContent($"call-{i}"));
                return (Sent: $"call-{i}", Received: await response.Content.ReadAsStringAsync());
            });

            var results = await Task.WhenAll(calls).WaitAsync(s_bound);

            Assert.All(results, result => Assert.Equal(result.Sent, result.Received));
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }
    }

    private static Task<LocalHttpResponse> Echo(LocalHttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new LocalHttpResponse(200, "OK", request.Body, "application/octet-stream"));

    private static Uri Address(LocalHttpServer server) => new($"http://{server.EndPoint}/");

    /// <summary>A default socket handler that reports every new TCP connection it opens.</summary>
    private static SocketsHttpHandler CountingHandler(Action connected) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            connected();
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
