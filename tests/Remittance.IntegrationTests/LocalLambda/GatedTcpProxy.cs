using System.Net;
using System.Net.Sockets;

namespace Remittance.IntegrationTests.LocalLambda;

/// <summary>
/// A TCP forwarder in front of a real server (DynamoDB Local) whose gate can be closed: requests then wait, unforwarded,
/// until it opens. Makes an invocation slow at a point the test can see (<see cref="WaitForHeldRequestsAsync"/>)
/// without changing the function: it only sees a slow DynamoDB.
/// </summary>
public sealed class GatedTcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _held = new(0);
    private readonly List<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly Task _acceptLoop;
    private TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedTcpProxy(Uri target)
    {
        _target = target;
        _open.SetResult();
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _acceptLoop = AcceptLoopAsync();
    }

    public string Url { get; }

    /// <summary>From now on, bytes a client sends are held until <see cref="Open"/>.</summary>
    public void Close()
    {
        lock (_gate)
        {
            if (_open.Task.IsCompleted)
            {
                _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    public void Open()
    {
        lock (_gate)
        {
            _open.TrySetResult();
        }
    }

    /// <summary>Waits until <paramref name="count"/> more requests are held at the closed gate.</summary>
    public async Task WaitForHeldRequestsAsync(int count, TimeSpan timeout)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await _held.WaitAsync(timeout))
            {
                throw new TimeoutException($"Only {i} of {count} requests reached the closed gate within {timeout.TotalSeconds} s.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        Task[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll([_acceptLoop, .. connections]).WaitAsync(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
        _held.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (_stopping.IsCancellationRequested && exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_gate)
            {
                _connections.Add(ForwardAsync(client));
            }
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        try
        {
            await server.ConnectAsync(_target.Host, _target.Port, connection.Token);
            var upstream = PumpAsync(client.GetStream(), server.GetStream(), gated: true, connection.Token);
            var downstream = PumpAsync(server.GetStream(), client.GetStream(), gated: false, connection.Token);

            // Either side hanging up ends the connection for both.
            await Task.WhenAny(upstream, downstream);
            await connection.CancelAsync();
            await Task.WhenAll(upstream, downstream);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The client (a killed function process), the server or the proxy went away: this connection is over.
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task PumpAsync(Stream from, Stream to, bool gated, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                Task open;
                lock (_gate)
                {
                    open = _open.Task;
                }

                if (gated && !open.IsCompleted)
                {
                    _held.Release();
                    await open.WaitAsync(cancellationToken);
                }

                await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // See ForwardAsync: one side is gone.
        }
    }
}
