namespace Remittance.DynamoDbLocal.Hosting;

/// <summary>A DynamoDB Local someone else runs: nothing to watch, nothing to stop.</summary>
internal sealed class ExternalInstance(string serviceUrl) : ILocalInstance
{
    public string ServiceUrl { get; } = serviceUrl;

    public Task Stopped { get; } = new TaskCompletionSource().Task;

    public ValueTask<string?> DescribeFailureAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    public ValueTask<string> RecentOutputAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult("(not started by this process: see the server's own log)");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static ExternalInstance FromEndpoint(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            throw new DynamoDbLocalException(
                $"Mode External needs an endpoint: set {nameof(DynamoDbLocalOptions.ExternalEndpoint)} or {DynamoDbLocalEnvironment.Endpoint} (e.g. http://127.0.0.1:8000).");
        }

        if (!Uri.TryCreate(endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DynamoDbLocalException($"'{endpoint}' is not an http(s) URL; {DynamoDbLocalEnvironment.Endpoint} expects one like http://127.0.0.1:8000.");
        }

        return new ExternalInstance(uri.GetLeftPart(UriPartial.Authority));
    }
}
