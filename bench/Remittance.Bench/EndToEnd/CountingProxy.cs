using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Remittance.Bench.EndToEnd;

/// <summary>
/// A pass-through HTTP proxy in front of DynamoDB Local that counts requests by operation (X-Amz-Target). The local
/// host builds its own clients, so this is how the harness sees which DynamoDB and Streams calls a run really makes.
/// Used only for the untimed op-count run: it adds a hop to every call.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> s_hopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Expect", "Proxy-Connection", "Upgrade",
    };

    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 64 });
    private readonly Uri _target;
    private readonly Task _loop;

    private CountingProxy(Uri target)
    {
        _target = target;
        var port = FreePort();
        ServiceUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(ServiceUrl + "/");
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    public string ServiceUrl { get; }

    public ConcurrentDictionary<string, int> Operations { get; } = new(StringComparer.Ordinal);

    public static CountingProxy Start(string targetServiceUrl) => new(new Uri(targetServiceUrl));

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopping the listener ends the pending accept.
        }
        catch (ObjectDisposedException)
        {
            // Likewise.
        }

        _listener.Close();
        _upstream.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var operation = request.Headers["X-Amz-Target"]?.Split('.').Last() ?? request.HttpMethod;
        Operations.AddOrUpdate(operation, 1, (_, n) => n + 1);
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), new Uri(_target, request.RawUrl))
        {
            Content = new ByteArrayContent(body.ToArray()),
        };
        foreach (var name in request.Headers.AllKeys.OfType<string>().Where(n => !s_hopHeaders.Contains(n)))
        {
            if (!forward.Headers.TryAddWithoutValidation(name, request.Headers.GetValues(name)!))
            {
                forward.Content.Headers.TryAddWithoutValidation(name, request.Headers.GetValues(name)!);
            }
        }

        using var answer = await _upstream.SendAsync(forward);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        var response = context.Response;
        response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers).Where(h => !s_hopHeaders.Contains(h.Key)))
        {
            response.Headers[name] = string.Join(',', values);
        }

        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
