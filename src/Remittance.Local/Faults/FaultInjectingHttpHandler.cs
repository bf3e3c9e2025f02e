using System.Net;
using System.Text;

namespace Remittance.Local.Faults;

/// <summary>
/// Sits at the HTTP boundary of a real AWS client and answers chosen requests with an AWS error instead of sending
/// them, for the failures a local service never produces (throttling, 5xx). Everything else reaches the real service.
/// </summary>
public sealed class FaultInjectingHttpHandler(Func<string /*target*/, string /*body*/, bool> shouldFail, HttpStatusCode status, string errorType)
    : DelegatingHandler(new SocketsHttpHandler())
{
    private int _injected;

    public int Injected => Volatile.Read(ref _injected);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : string.Empty;
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!shouldFail(target, body))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _injected);
        return new HttpResponseMessage(status)
        {
            Content = new StringContent($$"""{"__type":"com.amazonaws.injected#{{errorType}}","message":"injected {{errorType}}"}""",
                Encoding.UTF8, "application/x-amz-json-1.0"),
        };
    }
}
