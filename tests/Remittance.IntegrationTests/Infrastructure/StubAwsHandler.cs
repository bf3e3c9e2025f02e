using System.Net;
using System.Text;

namespace Remittance.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP stand-in for an AWS JSON service that answers every call with one error, for failure paths no local
/// service produces (Step Functions has no local emulator here). Counts the calls it answered.
/// </summary>
public sealed class StubAwsHandler(HttpStatusCode status, string errorType) : HttpMessageHandler
{
    private int _calls;

    public int Calls => _calls;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(new HttpResponseMessage(status)
        {
            Content = new StringContent($$"""{"__type":"com.amazonaws.states#{{errorType}}","message":"stubbed {{errorType}}"}""",
                Encoding.UTF8, "application/x-amz-json-1.0"),
        });
    }
}
