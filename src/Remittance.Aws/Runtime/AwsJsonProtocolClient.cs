using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace Remittance.Aws.Runtime;

/// <summary>
/// The AWS JSON 1.0 protocol: POST / with X-Amz-Target, SigV4-signed by AWSSDK.Core's signer, errors mapped to typed
/// exceptions, and standard-mode retries (capped exponential backoff, full jitter) for throttling, 5xx, timeouts
/// and connection failures. Client errors other than throttling are never retried.
/// </summary>
internal sealed class AwsJsonProtocolClient : IDisposable
{
    private const string ContentType = "application/x-amz-json-1.0";
    private const string TargetHeader = "X-Amz-Target";

    private readonly AwsServiceDefinition _service;
    private readonly AwsJsonClientConfig _config;
    private readonly AWSCredentials? _explicitCredentials;
    private readonly HttpClient _http;
    private readonly RegionEndpoint _signingRegion;
    private AWSCredentials? _resolvedCredentials;

    public AwsJsonProtocolClient(AwsServiceDefinition service, AwsJsonClientConfig config, AWSCredentials? credentials)
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

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(
        string operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestInfo,
        JsonTypeInfo<TResponse> responseInfo,
        CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestInfo);
        var target = $"{_service.TargetPrefix}.{operation}";
        var maxAttempts = _config.MaxErrorRetry + 1;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await SendOnceAsync(target, body, responseInfo, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt < maxAttempts && !cancellationToken.IsCancellationRequested && IsRetryable(exception))
            {
                await Task.Delay(Backoff(attempt), _config.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static bool IsRetryable(Exception exception) => exception switch
    {
        AwsServiceException service => service.IsRetryable,
        HttpRequestException or TimeoutException => true,
        _ => false,
    };

    private TimeSpan Backoff(int attempt)
    {
        var ceiling = _config.RetryBaseDelay * Math.Pow(2, attempt - 1);
        if (ceiling > _config.MaxBackoff)
        {
            ceiling = _config.MaxBackoff;
        }

        // Full jitter spreads the retries of many concurrent callers instead of having them collide again.
        return ceiling * Random.Shared.NextDouble();
    }

    private async Task<TResponse> SendOnceAsync<TResponse>(string target, byte[] body, JsonTypeInfo<TResponse> responseInfo, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(_config.Timeout, _config.TimeProvider);
        using var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            using var request = await CreateSignedRequestAsync(target, body, attemptToken.Token).ConfigureAwait(false);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, attemptToken.Token).ConfigureAwait(false);
            var content = await response.Content.ReadAsByteArrayAsync(attemptToken.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw MapError(response, content);
            }

            return JsonSerializer.Deserialize(content.Length == 0 ? "{}"u8 : content, responseInfo)
                   ?? throw new JsonException($"{target} answered with a null body.");
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && attemptTimeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{target} did not answer within {_config.Timeout.TotalSeconds:0.###} s.", exception);
        }
    }

    private async Task<HttpRequestMessage> CreateSignedRequestAsync(string target, byte[] body, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation(TargetHeader, target);

        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = Endpoint, Content = body };
        signing.Headers[TargetHeader] = target;
        signing.Headers["Content-Type"] = ContentType;
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

    private AwsServiceException MapError(HttpResponseMessage response, byte[] content)
    {
        string? type = null;
        string? message = null;
        if (content.Length > 0)
        {
            try
            {
                var error = JsonSerializer.Deserialize(content, AwsRuntimeJsonContext.Default.AwsErrorResponse);
                type = error?.Type;
                message = error?.LowerMessage ?? error?.UpperMessage;
            }
            catch (JsonException)
            {
                // Not JSON (a proxy or load balancer answered): the status code and raw text still say what happened.
                message = System.Text.Encoding.UTF8.GetString(content);
            }
        }

        type ??= response.Headers.TryGetValues("x-amzn-ErrorType", out var headerTypes) ? headerTypes.FirstOrDefault() : null;
        var code = ErrorCode(type) ?? ((int)response.StatusCode >= 500 ? "InternalFailure" : response.StatusCode.ToString());
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        return _service.CreateException(code, message ?? $"{code} ({(int)response.StatusCode})", requestId, response.StatusCode);
    }

    /// <summary>"com.amazonaws.states#ExecutionAlreadyExists" or "ExecutionAlreadyExists:http://…" → "ExecutionAlreadyExists".</summary>
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

    private static bool IsLoopback(Uri endpoint) =>
        endpoint.IsLoopback || (IPAddress.TryParse(endpoint.Host, out var address) && IPAddress.IsLoopback(address));
}
