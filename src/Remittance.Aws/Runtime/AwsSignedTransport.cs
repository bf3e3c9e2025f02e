using System.Net;
using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace Remittance.Aws.Runtime;

/// <summary>One signed call's request body and the headers that name its operation.</summary>
internal sealed record AwsCall(string Operation, byte[] Body, string ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// What the JSON and query protocol clients share: POST to the service endpoint, SigV4-signed by AWSSDK.Core's signer
/// with the SDK's default credential chain, a per-attempt timeout, and standard-mode retries (capped exponential
/// backoff, full jitter) for throttling, 5xx, timeouts and connection failures. Client errors other than throttling are
/// never retried. The protocol decides how bodies are written and how answers and errors are read.
/// </summary>
internal sealed class AwsSignedTransport : IDisposable
{
    private readonly AwsServiceDefinition _service;
    private readonly AwsClientConfig _config;
    private readonly AWSCredentials? _explicitCredentials;
    private readonly HttpClient _http;
    private readonly RegionEndpoint _signingRegion;
    private AWSCredentials? _resolvedCredentials;

    public AwsSignedTransport(AwsServiceDefinition service, AwsClientConfig config, AWSCredentials? credentials)
    {
        if (config.MaxErrorRetry < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.MaxErrorRetry, "MaxErrorRetry cannot be negative.");
        }

        _service = service;
        _config = config;
        _explicitCredentials = credentials;
        var region = config.ResolveRegion();
        _signingRegion = config.AuthenticationRegion is { } authenticationRegion ? RegionEndpoint.GetBySystemName(authenticationRegion) : region;
        Endpoint = config.ResolveEndpoint(service.EndpointPrefix, region);
        // Attempts are bounded by the config's Timeout through a token, so the HttpClient's own timeout is off.
        _http = config.HttpMessageHandler is { } handler
            ? new HttpClient(handler, disposeHandler: false) { Timeout = System.Threading.Timeout.InfiniteTimeSpan }
            : new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public Uri Endpoint { get; }

    public AwsServiceDefinition Service => _service;

    /// <summary>Sends <paramref name="call"/> until it succeeds or a non-retryable error or the last attempt fails.</summary>
    /// <param name="read">Reads a successful answer's body.</param>
    /// <param name="error">Reads a failed answer into the service's exception.</param>
    public Task<TResponse> SendAsync<TResponse>(
        AwsCall call,
        Func<byte[], TResponse> read,
        Func<HttpResponseMessage, byte[], AwsServiceException> error,
        CancellationToken cancellationToken)
    {
        var backoff = new Backoff(_config.RetryBaseDelay, _config.MaxBackoff, BackoffJitter.Full);
        return Retry.RunAsync(
            async token =>
            {
                token.ThrowIfCancellationRequested();
                return read(await SendOnceAsync(call, error, token).ConfigureAwait(false));
            },
            _config.MaxErrorRetry,
            exception => !cancellationToken.IsCancellationRequested && IsRetryable(exception),
            backoff.Delay,
            _config.TimeProvider,
            cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The code in "com.amazonaws.states#ExecutionAlreadyExists" or "ExecutionAlreadyExists:http://…": "ExecutionAlreadyExists".</summary>
    internal static string? ErrorCode(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? code[..colon] : code).Trim();
    }

    /// <summary>The service's exception for a failed answer whose body named <paramref name="code"/> (or did not).</summary>
    internal AwsServiceException Failure(HttpResponseMessage response, string? code, string? message, string? requestId)
    {
        code ??= (int)response.StatusCode >= 500 ? "InternalFailure" : response.StatusCode.ToString();
        requestId ??= response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        return _service.CreateException(code, message ?? $"{code} ({(int)response.StatusCode})", requestId, response.StatusCode);
    }

    private static bool IsRetryable(Exception exception) => exception switch
    {
        AwsServiceException service => service.IsRetryable,
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    private async Task<byte[]> SendOnceAsync(AwsCall call, Func<HttpResponseMessage, byte[], AwsServiceException> error, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(_config.Timeout, _config.TimeProvider);
        using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            using var request = await CreateSignedRequestAsync(call, attemptToken.Token).ConfigureAwait(false);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptToken.Token).ConfigureAwait(false);
            var content = await response.Content.ReadAsByteArrayAsync(attemptToken.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? content : throw error(response, content);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && attemptTimeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{call.Operation} did not answer within {_config.Timeout.TotalSeconds:0.###} s.", exception);
        }
    }

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(AwsCall call, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(call.Body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(call.ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = Endpoint, Content = call.Body };
        foreach (var (name, value) in call.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
            signing.Headers[name] = value;
        }

        signing.Headers["Content-Type"] = call.ContentType;
        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
        {
            Credentials = await CredentialsAsync().ConfigureAwait(false),
            Region = _signingRegion,
            Service = _service.SigningName,
            SignPayload = true,
            SignedAt = _config.TimeProvider.GetUtcNow().UtcDateTime,
        }, cancellationToken).ConfigureAwait(false);

        // Authorization, X-Amz-Date, X-Amz-Content-SHA256 and, for session credentials, X-Amz-Security-Token.
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private async Task<AWSCredentials> CredentialsAsync()
    {
        if ((_explicitCredentials ?? _resolvedCredentials) is { } known)
        {
            return known;
        }

        // Only a successful resolution is kept: a chain that failed (say, IMDS slow at start) is asked again next time.
        try
        {
            return _resolvedCredentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException) when (IsLoopback(Endpoint))
        {
            // Local stand-ins (DynamoDB Local, the local workflow host) accept any signature but still want one.
            return _resolvedCredentials = new BasicAWSCredentials("local", "local");
        }
    }

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host, out var address) && IPAddress.IsLoopback(address));
}
