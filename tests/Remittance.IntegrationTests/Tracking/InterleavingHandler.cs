namespace Remittance.IntegrationTests.Tracking;

/// <summary>
/// Provokes a version race deterministically: sits at the HTTP boundary of a real DynamoDB client and, before the
/// first UpdateItem that <paramref name="matches"/>, lets another writer in (<paramref name="interleave"/>, through
/// another client). The held-back update then reaches DynamoDB Local after the other writer's, with the version it
/// read before — exactly the race two concurrent writers can produce.
/// </summary>
public sealed class InterleavingHandler(Func<string /*body*/, bool> matches, Func<Task> interleave) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _interleaved;

    public bool Interleaved => Volatile.Read(ref _interleaved) == 1;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : string.Empty;
        if (target.EndsWith(".UpdateItem", StringComparison.Ordinal) && request.Content is not null
            && matches(await request.Content.ReadAsStringAsync(cancellationToken))
            && Interlocked.CompareExchange(ref _interleaved, 1, 0) == 0)
        {
            await interleave();
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
