using System.Diagnostics;

namespace Remittance.Cost.Metering;

/// <summary>
/// Sits at the HTTP boundary of the functions' real DynamoDB client (the SDK's own seam, as the fault injector does)
/// and hands every request and response to the <see cref="DynamoDbMeter"/>, attributed to the function invocation the
/// call was made in. Requests and responses pass through unchanged.
/// </summary>
public sealed class MeteringDynamoDbHandler(DynamoDbMeter meter, CostLedger ledger) : DelegatingHandler(new SocketsHttpHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : string.Empty;
        var operation = target[(target.LastIndexOf('.') + 1)..];
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var site = ledger.Current;
        var clock = Stopwatch.StartNew();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        // Buffered once: the SDK reads the same bytes afterwards.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var latency = clock.Elapsed;
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        meter.Record(site, operation, body, (int)response.StatusCode, answer, latency);
        return response;
    }
}
