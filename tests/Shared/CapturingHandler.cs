using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Remittance.Tests.Shared;

/// <summary>
/// The HTTP boundary of the AWS clients: records each request and answers from a script, so failure paths that
/// cannot be provoked against AWS (throttling, 5xx, hangs) can be tested with the rest of the client real.
/// </summary>
internal sealed class CapturingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly ConcurrentQueue<CapturedRequest> _requests = new();

    public IReadOnlyList<CapturedRequest> Requests => [.. _requests];

    public CapturingHandler Respond(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        _script.Enqueue((_, _) => Task.FromResult(Response(status, body, headers)));
        return this;
    }

    public CapturingHandler Respond(Func<CapturedRequest, CancellationToken, Task<HttpResponseMessage>> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/x-amz-json-1.0") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        // HttpClient adds Host itself on the wire; the captured copy shows what it will be.
        headers.TryAdd("Host", request.RequestUri!.IsDefaultPort ? request.RequestUri.Host : request.RequestUri.Authority);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var captured = new CapturedRequest(request.Method, request.RequestUri!, headers, request.Content?.Headers.ContentType?.ToString(), body);
        _requests.Enqueue(captured);
        if (!_script.TryDequeue(out var respond))
        {
            throw new InvalidOperationException($"No scripted response left for request #{_requests.Count}.");
        }

        return await respond(captured, cancellationToken);
    }
}
