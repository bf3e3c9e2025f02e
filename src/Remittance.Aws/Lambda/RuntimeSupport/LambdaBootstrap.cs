using System.Net;
using Remittance.Aws.Lambda.Core;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>
/// The custom-runtime loop for provided.al2023 (Lambda Runtime API 2018-06-01): initialise once, then fetch an
/// invocation, run the handler under a deadline-derived token, post its response or error, repeat. Shaped like the
/// official Amazon.Lambda.RuntimeSupport LambdaBootstrap. Only the init outcome is kept between invocations.
/// </summary>
public sealed class LambdaBootstrap : IDisposable
{
    private readonly LambdaBootstrapHandler _handler;
    private readonly LambdaBootstrapInitializer? _initializer;
    private readonly LambdaBootstrapOptions _options;
    private readonly HttpClient _http;
    private readonly RuntimeApiClient _client;
    private readonly LambdaEnvironment _environment;
    private readonly ILambdaLogger _functionLogger;
    private readonly TextWriter _runtimeLog;
    private readonly Lock _initGate = new();
    private Task<bool>? _initialization;

    public LambdaBootstrap(LambdaBootstrapHandler handler, LambdaBootstrapInitializer? initializer = null, LambdaBootstrapOptions? options = null)
    {
        _handler = handler;
        _initializer = initializer;
        _options = options ?? new LambdaBootstrapOptions();
        var address = _options.RuntimeApiAddress ?? _options.GetEnvironmentVariable(LambdaBootstrapOptions.RuntimeApiVariable);
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new InvalidOperationException(
                $"{LambdaBootstrapOptions.RuntimeApiVariable} is not set: run inside Lambda, or pass the Runtime API address (host:port).");
        }

        // No proxy: the Runtime API is on the loopback interface, and an HTTP(S)_PROXY meant for AWS calls must not catch it.
        // No timeout: /next is a long poll that may legitimately wait for minutes while the environment is frozen.
        _http = _options.HttpMessageHandler is { } handlerOverride
            ? new HttpClient(handlerOverride, disposeHandler: false)
            : new HttpClient(new SocketsHttpHandler { UseProxy = false }, disposeHandler: true);
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _client = new RuntimeApiClient(_http, RuntimeApiClient.BaseUriFor(address));
        _environment = LambdaEnvironment.Read(_options.GetEnvironmentVariable);
        _functionLogger = new LambdaConsoleLogger(_options.FunctionLog is { } log ? TextWriter.Synchronized(log) : Console.Out);
        _runtimeLog = _options.RuntimeLog is { } runtimeLog ? TextWriter.Synchronized(runtimeLog) : Console.Error;
    }

    public LambdaBootstrap(HandlerWrapper handlerWrapper, LambdaBootstrapInitializer? initializer = null, LambdaBootstrapOptions? options = null)
        : this(handlerWrapper.Handler, initializer, options)
    {
    }

    /// <summary>Initialises, then handles invocations until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (!await InitializeAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await InvokeOnceAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Runs the initializer once (later calls return the first outcome). An exception is posted to /init/error and
    /// rethrown, so the process exits as Lambda expects of a failed init.
    /// </summary>
    public Task<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        lock (_initGate)
        {
            return _initialization ??= InitializeCoreAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Waits for the next invocation, handles it and posts the outcome. Useful on its own for tests and cold-start
    /// measurements; call <see cref="InitializeAsync"/> first when there is an initializer.
    /// </summary>
    public async Task InvokeOnceAsync(CancellationToken cancellationToken = default)
    {
        var invocation = await _client.GetNextInvocationAsync(_options.TimeProvider, cancellationToken).ConfigureAwait(false);

        // Set or cleared on every invocation, so one invocation's trace never leaks into the next.
        Environment.SetEnvironmentVariable(RuntimeApiHeaders.TraceIdEnvironmentVariable, invocation.TraceId);

        var cancelAfter = InvocationDeadline.CancelAfter(invocation.Deadline, _options.TimeProvider.GetUtcNow(), _options.CancellationSafetyMargin);
        using var deadline = new CancellationTokenSource(cancelAfter, _options.TimeProvider);
        using var handlerToken = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);

        InvocationResponse response;
        try
        {
            var context = new LambdaContext(invocation, _environment, _functionLogger, _options.TimeProvider);
            using var input = new MemoryStream(invocation.Payload, writable: false);
            response = await _handler(new InvocationRequest(input, context), handlerToken.Token).ConfigureAwait(false)
                       ?? InvocationResponse.Empty();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _runtimeLog.WriteLine($"{invocation.RequestId}\tERROR\tThe handler failed: {exception}");
            var status = await _client.ReportInvocationErrorAsync(invocation.RequestId, exception, cancellationToken).ConfigureAwait(false);
            ReportRejection(invocation.RequestId, "error", status);
            return;
        }

        try
        {
            var status = await _client.SendResponseAsync(invocation.RequestId, response.OutputStream, cancellationToken).ConfigureAwait(false);
            ReportRejection(invocation.RequestId, "response", status);
        }
        finally
        {
            if (response.DisposeOutputStream)
            {
                await response.OutputStream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<bool> InitializeCoreAsync(CancellationToken cancellationToken)
    {
        if (_initializer is null)
        {
            return true;
        }

        try
        {
            return await _initializer(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _runtimeLog.WriteLine($"INIT\tERROR\tThe initializer failed: {exception}");
            var status = await _client.ReportInitializationErrorAsync(exception, cancellationToken).ConfigureAwait(false);
            ReportRejection("INIT", "init error", status);
            throw;
        }
    }

    // The Runtime API refuses a post it cannot take (payload too large, invocation already timed out); Lambda records
    // the failure itself, so the loop goes on, but the refusal is logged rather than lost.
    private void ReportRejection(string requestId, string what, HttpStatusCode status)
    {
        if ((int)status is < 200 or > 299)
        {
            _runtimeLog.WriteLine($"{requestId}\tWARN\tThe Runtime API refused the {what} with {(int)status} {status}.");
        }
    }
}
