using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Local.Http;

namespace Remittance.Local.RuntimeApi;

/// <summary>
/// An in-process stand-in for the Lambda Runtime API on 127.0.0.1 and a port the OS picks. Point a bootstrap at
/// <see cref="Address"/> (in process, or a published binary through AWS_LAMBDA_RUNTIME_API), then enqueue event
/// payloads and await what the function posts back. It is listening as soon as <see cref="Start"/> returns, and
/// every wait it offers is bounded: pickup, run (deadline plus grace) and shutdown.
/// </summary>
public sealed class LocalRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/" + RuntimeApiHeaders.ApiVersion + "/runtime/";
    private static readonly byte[] s_accepted = """{"status":"OK"}"""u8.ToArray();

    private readonly LocalRuntimeApiOptions _options;
    private readonly Channel<LocalInvocation> _queue = Channel.CreateUnbounded<LocalInvocation>();
    private readonly ConcurrentDictionary<string, LocalInvocation> _invocations = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstPoll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<LocalInvocationResult> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LocalHttpServer _server;
    private int _disposed;
    private int _waitingPolls;

    private LocalRuntimeApi(LocalRuntimeApiOptions options)
    {
        _options = options;
        _server = LocalHttpServer.Start(HandleAsync);
    }

    /// <summary>The value for AWS_LAMBDA_RUNTIME_API (host:port).</summary>
    public string Address => $"127.0.0.1:{_server.EndPoint.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Completes when a runtime first asks for an invocation: the end of its init phase.</summary>
    public Task FirstPoll => _firstPoll.Task;

    /// <summary>Completes if the runtime posts an initialisation error.</summary>
    public Task<LocalInvocationResult> InitError => _initError.Task;

    /// <summary>How many /next long polls are waiting right now (tests wait on it to know a hang-up was noticed).</summary>
    internal int WaitingPolls => Volatile.Read(ref _waitingPolls);

    public static LocalRuntimeApi Start(LocalRuntimeApiOptions? options = null) => new(options ?? new LocalRuntimeApiOptions());

    /// <summary>Queues an invocation for the next runtime poll.</summary>
    public LocalInvocation Enqueue(ReadOnlyMemory<byte> payload, LocalInvocationOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        options ??= new LocalInvocationOptions();
        var invocation = new LocalInvocation(options.RequestId ?? Guid.NewGuid().ToString(), payload.ToArray(), options, _options.TimeProvider);
        if (!_invocations.TryAdd(invocation.RequestId, invocation))
        {
            throw new ArgumentException($"An invocation with request id '{invocation.RequestId}' is already pending.", nameof(options));
        }

        invocation.AwaitPickup(options.PickupTimeout ?? _options.PickupTimeout, OnPickupTimeout);
        _queue.Writer.TryWrite(invocation);
        return invocation;
    }

    /// <summary>Invokes the function with <paramref name="payload"/> and waits (boundedly) for its outcome.</summary>
    public Task<LocalInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, LocalInvocationOptions? options = null, CancellationToken cancellationToken = default) =>
        Enqueue(payload, options).Completion.WaitAsync(cancellationToken);

    /// <inheritdoc cref="InvokeAsync(ReadOnlyMemory{byte}, LocalInvocationOptions?, CancellationToken)"/>
    public Task<LocalInvocationResult> InvokeAsync(string payload, LocalInvocationOptions? options = null, CancellationToken cancellationToken = default) =>
        InvokeAsync(Encoding.UTF8.GetBytes(payload), options, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _server.DisposeAsync().ConfigureAwait(false);
        foreach (var invocation in _invocations.Values)
        {
            invocation.TryFail(new ObjectDisposedException(nameof(LocalRuntimeApi), "The local Runtime API stopped before the invocation ended."));
        }

        _invocations.Clear();
        _initError.TrySetCanceled();
    }

    private async Task<LocalHttpResponse> HandleAsync(LocalHttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Error(404, "Not Found", "UnknownPath", $"No such Runtime API path: {request.Path}");
        }

        var path = request.Path[Prefix.Length..];
        if (request.Method == "GET" && path == "invocation/next")
        {
            return await NextAsync(cancellationToken).ConfigureAwait(false);
        }

        if (request.Method == "POST" && path == "init/error")
        {
            return InitErrorPosted(request);
        }

        var parts = path.Split('/');
        if (request.Method == "POST" && parts is ["invocation", var id, "response" or "error"])
        {
            return Posted(Uri.UnescapeDataString(id), parts[2] == "error", request);
        }

        return Error(404, "Not Found", "UnknownPath", $"No such Runtime API path: {request.Method} {request.Path}");
    }

    private async Task<LocalHttpResponse> NextAsync(CancellationToken cancellationToken)
    {
        _firstPoll.TrySetResult();
        while (true)
        {
            LocalInvocation invocation;
            Interlocked.Increment(ref _waitingPolls);
            try
            {
                invocation = await _queue.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waitingPolls);
            }

            var timeout = invocation.Options.Timeout ?? _options.Timeout;
            if (!invocation.TryDeliver(timeout + _options.DeadlineGrace, OnRunTimeout))
            {
                continue;
            }

            var deadline = _options.TimeProvider.GetUtcNow() + timeout;
            var headers = new List<KeyValuePair<string, string>>
            {
                new(RuntimeApiHeaders.RequestId, invocation.RequestId),
                new(RuntimeApiHeaders.DeadlineMs, deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                new(RuntimeApiHeaders.InvokedFunctionArn, invocation.Options.InvokedFunctionArn ?? _options.FunctionArn),
            };
            AddIfSet(headers, RuntimeApiHeaders.TraceId, invocation.Options.TraceId);
            AddIfSet(headers, RuntimeApiHeaders.ClientContext, invocation.Options.ClientContext);
            AddIfSet(headers, RuntimeApiHeaders.CognitoIdentity, invocation.Options.CognitoIdentity);
            return new LocalHttpResponse(200, "OK", invocation.Payload)
            {
                Headers = headers,
                OnSendFailed = () => ReturnToQueue(invocation),
            };
        }
    }

    private LocalHttpResponse Posted(string requestId, bool isError, LocalHttpRequest request)
    {
        var finished = _invocations.TryGetValue(requestId, out var invocation)
                       && (isError
                           ? invocation.TryFinish(LocalInvocationStatus.Failed, request.Body, request.Header(RuntimeApiHeaders.FunctionErrorType),
                               ParseError(request.Body), onlyIfDelivered: true)
                           : invocation.TryFinish(LocalInvocationStatus.Succeeded, request.Body, null, null, onlyIfDelivered: true));
        if (!finished)
        {
            return Error(400, "Bad Request", "InvalidRequestID", $"No invocation '{requestId}' is waiting for an outcome.");
        }

        _invocations.TryRemove(requestId, out _);
        return new LocalHttpResponse(202, "Accepted", s_accepted);
    }

    private LocalHttpResponse InitErrorPosted(LocalHttpRequest request)
    {
        var errorType = request.Header(RuntimeApiHeaders.FunctionErrorType);
        var error = ParseError(request.Body);
        _initError.TrySetResult(new LocalInvocationResult("init", LocalInvocationStatus.InitFailed, request.Body, errorType, error, TimeSpan.Zero));

        // A function that failed to initialise answers nothing: whoever is waiting learns why now.
        foreach (var (requestId, invocation) in _invocations)
        {
            invocation.TryFinish(LocalInvocationStatus.InitFailed, request.Body, errorType, error, onlyIfDelivered: false);
            _invocations.TryRemove(requestId, out _);
        }

        return new LocalHttpResponse(202, "Accepted", s_accepted);
    }

    private void ReturnToQueue(LocalInvocation invocation)
    {
        if (invocation.TryReturnToQueue())
        {
            invocation.AwaitPickup(invocation.Options.PickupTimeout ?? _options.PickupTimeout, OnPickupTimeout);
            _queue.Writer.TryWrite(invocation);
        }
    }

    private void OnPickupTimeout(LocalInvocation invocation)
    {
        var waited = invocation.Options.PickupTimeout ?? _options.PickupTimeout;
        if (invocation.TryFail(new TimeoutException(
                $"No runtime asked for invocation '{invocation.RequestId}' within {waited.TotalSeconds:0.###} s: is a bootstrap polling {Address}?")))
        {
            _invocations.TryRemove(invocation.RequestId, out _);
        }
    }

    private void OnRunTimeout(LocalInvocation invocation)
    {
        var timeout = invocation.Options.Timeout ?? _options.Timeout;
        var error = new LambdaErrorResponse($"Task timed out after {timeout.TotalSeconds:0.00} seconds", "Sandbox.Timedout", []);
        var body = JsonSerializer.SerializeToUtf8Bytes(error, RuntimeApiJsonContext.Default.LambdaErrorResponse);
        if (invocation.TryFinish(LocalInvocationStatus.TimedOut, body, error.ErrorType, error, onlyIfDelivered: true))
        {
            _invocations.TryRemove(invocation.RequestId, out _);
        }
    }

    private static LambdaErrorResponse? ParseError(byte[] body)
    {
        try
        {
            // A runtime may leave out the stack trace; callers get an empty one rather than a null.
            return JsonSerializer.Deserialize(body, RuntimeApiJsonContext.Default.LambdaErrorResponse) is { } error
                ? error with { StackTrace = error.StackTrace ?? [] }
                : null;
        }
        catch (JsonException)
        {
            // Lambda accepts any error body; the raw bytes stay in the result's payload for the caller to see.
            return null;
        }
    }

    private static void AddIfSet(List<KeyValuePair<string, string>> headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.Add(new(name, value));
        }
    }

    private static LocalHttpResponse Error(int status, string reason, string errorType, string message) =>
        new(status, reason, JsonSerializer.SerializeToUtf8Bytes(new LambdaErrorResponse(message, errorType, []),
            RuntimeApiJsonContext.Default.LambdaErrorResponse));
}
