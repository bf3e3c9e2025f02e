using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Remittance.Local.Http;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 with a port the OS picks, for tests and local hosts only (the local Runtime
/// API, local stand-ins of AWS service endpoints): never exposed beyond loopback, no TLS, no authentication. Serves
/// any number of connections at once, each with keep-alive; bodies by Content-Length or chunked; a per-request token
/// that fires when the client hangs up (so an abandoned long poll gives its invocation back). Built on TcpListener
/// rather than HttpListener to stay trimming-safe and free of URL reservations.
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private static readonly TimeSpan s_shutdownWait = TimeSpan.FromSeconds(5);

    private readonly TcpListener _listener;
    private readonly Func<LocalHttpRequest, CancellationToken, Task<LocalHttpResponse>> _handler;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpClient, Task> _connections = new();
    private readonly Task _acceptLoop;

    private LocalHttpServer(Func<LocalHttpRequest, CancellationToken, Task<LocalHttpResponse>> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        // Listening before the constructor returns is the readiness guarantee: a client may connect at once.
        _listener.Start();
        EndPoint = (IPEndPoint)_listener.LocalEndpoint;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>127.0.0.1 and the port the OS picked; listening already.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>
    /// Listens before returning, so a client may connect at once. <paramref name="handler"/> is called concurrently for
    /// requests on different connections; an exception it throws is answered with a 500 carrying its text.
    /// </summary>
    public static LocalHttpServer Start(Func<LocalHttpRequest, CancellationToken, Task<LocalHttpResponse>> handler) => new(handler);

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        foreach (var client in _connections.Keys)
        {
            client.Dispose();
        }

        try
        {
            await Task.WhenAll([_acceptLoop, .. _connections.Values]).WaitAsync(s_shutdownWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Every socket is closed already; a task still unwinding after that holds nothing worth waiting for.
        }

        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (_stopping.IsCancellationRequested
                                              && exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            _connections[client] = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        await Task.Yield();
        try
        {
            var stream = client.GetStream();
            var reader = new HttpConnectionReader(stream);
            while (!_stopping.IsCancellationRequested)
            {
                var request = await reader.ReadRequestAsync(_stopping.Token).ConfigureAwait(false);
                if (request is null)
                {
                    return;
                }

                using var requestScope = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                _ = WatchForHangUpAsync(reader.StartFill(_stopping.Token), requestScope);
                LocalHttpResponse response;
                try
                {
                    response = await _handler(request, requestScope.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (requestScope.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    response = new LocalHttpResponse(500, "Internal Server Error", Encoding.UTF8.GetBytes(exception.ToString()), "text/plain");
                }

                try
                {
                    await WriteAsync(stream, response, _stopping.Token).ConfigureAwait(false);
                }
                catch (Exception) when (response.OnSendFailed is { } onSendFailed)
                {
                    onSendFailed();
                    throw;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException
                                              or InvalidDataException)
        {
            // The client hung up, sent something that is not HTTP, or the server is stopping: this connection is done.
        }
        finally
        {
            _connections.TryRemove(client, out _);
            client.Dispose();
        }
    }

    private static async Task WatchForHangUpAsync(Task<int> read, CancellationTokenSource requestScope)
    {
        try
        {
            // HTTP/1.1 clients send nothing while awaiting a response; a read that ends means the client hung up.
            if (await read.ConfigureAwait(false) == 0)
            {
                Cancel(requestScope);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Cancel(requestScope);
        }
    }

    private static void Cancel(CancellationTokenSource requestScope)
    {
        try
        {
            requestScope.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request was answered (and its scope disposed) before the client hung up: nothing left to cancel.
        }
    }

    private static async Task WriteAsync(Stream stream, LocalHttpResponse response, CancellationToken cancellationToken)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.StatusCode} {response.ReasonPhrase}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {response.ContentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
