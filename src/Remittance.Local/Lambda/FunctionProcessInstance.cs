using System.ComponentModel;
using System.Diagnostics;
using Remittance.DynamoDbLocal.Processes;
using Remittance.Local.RuntimeApi;

namespace Remittance.Local.Lambda;

/// <summary>
/// One function instance: a bootstrap process of its own, polling a Runtime API of its own, handling one invocation
/// at a time. Lambda's sandbox, minus the isolation.
/// </summary>
internal sealed class FunctionProcessInstance : IAsyncDisposable
{
    private static readonly TimeSpan s_exitWait = TimeSpan.FromSeconds(10);

    private readonly FunctionProcessOptions _options;
    private readonly LocalRuntimeApi _api;
    private readonly Process _process;
    private readonly OutputTail _output = new(20);
    private readonly Task _exited;
    private int _invoking;
    private int _disposed;

    private FunctionProcessInstance(FunctionProcessOptions options, LocalRuntimeApi api, Action<string> log)
    {
        _options = options;
        _api = api;
        var bootstrap = Path.GetFullPath(options.BootstrapPath);
        var start = new ProcessStartInfo(bootstrap)
        {
            WorkingDirectory = Path.GetDirectoryName(bootstrap),
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // ProcessStartInfo starts from this process's environment; the function must see only its own.
        start.Environment.Clear();
        foreach (var (name, value) in FunctionProcessEnvironment.For(options, api.Address))
        {
            start.Environment[name] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, log);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, log);
        _process.Start();
        ProcessId = _process.Id;

        // A host that exits without disposing the pool (a CLI returning early) still takes its instances with it. A
        // host that is killed cannot; then the Runtime API's sockets close with it, and the runtime's next poll
        // fails, which ends the bootstrap.
        AppDomain.CurrentDomain.ProcessExit += KillAtExit;
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        // Completes once the process is gone and its output drained, so the tail is complete when it is read.
        _exited = _process.WaitForExitAsync(CancellationToken.None);
    }

    public int ProcessId { get; }

    public bool IsInvoking => Volatile.Read(ref _invoking) != 0;

    public bool HasExited => _exited.IsCompleted;

    /// <summary>Starts the process; it is initialising when this returns (see <see cref="WaitReadyAsync"/>).</summary>
    public static async Task<FunctionProcessInstance> StartAsync(FunctionProcessOptions options, Action<string> log)
    {
        var region = options.Environment.GetValueOrDefault("AWS_REGION", "us-east-1");
        var api = LocalRuntimeApi.Start(new LocalRuntimeApiOptions
        {
            FunctionArn = $"arn:aws:lambda:{region}:000000000000:function:{options.FunctionName}",
            Timeout = options.Timeout,
            // A ready instance is polling already: an invocation not taken within this long means the runtime hung.
            PickupTimeout = options.InitTimeout,
            TimeProvider = options.TimeProvider,
        });
        try
        {
            return new FunctionProcessInstance(options, api, log);
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException)
        {
            // The process never started: stop its Runtime API and say which binary could not run.
            await api.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Could not start the function binary '{options.BootstrapPath}': {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Waits, bounded by <see cref="FunctionProcessOptions.InitTimeout"/>, for the end of the init phase: null when the
    /// runtime polls for work, else the init failure (posted by the runtime, an early exit, or no poll in time).
    /// </summary>
    public async Task<LocalInvocationResult?> WaitReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAny(_api.FirstPoll, _api.InitError, _exited)
                .WaitAsync(_options.InitTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return RuntimeExitErrors.InitTimedOut(_options.InitTimeout, _output);
        }

        // The runtime posts its init error and only then exits: when both happened, the posted error says more.
        if (_api.InitError.IsCompletedSuccessfully)
        {
            return await _api.InitError.ConfigureAwait(false);
        }

        return _api.FirstPoll.IsCompleted ? null : RuntimeExitErrors.ExitedBeforePolling(_process.ExitCode, _output);
    }

    /// <summary>
    /// Runs one invocation. <c>Reusable</c> is false when the instance must not take another: the process died
    /// (reported as Runtime.ExitError) or the invocation timed out, after which Lambda resets the sandbox too.
    /// </summary>
    public async Task<(LocalInvocationResult Result, bool Reusable)> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _invoking, 1) != 0)
        {
            throw new InvalidOperationException("A function instance handles one invocation at a time.");
        }

        try
        {
            var requestId = Guid.NewGuid().ToString();
            var started = _options.TimeProvider.GetTimestamp();
            var invocation = _api.Enqueue(payload, new LocalInvocationOptions { RequestId = requestId });
            ObserveIfAbandoned(invocation.Completion);
            var first = await Task.WhenAny(invocation.Completion, _exited).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (first == invocation.Completion)
            {
                var result = await invocation.Completion.ConfigureAwait(false);
                return (result, result.Status is LocalInvocationStatus.Succeeded or LocalInvocationStatus.Failed);
            }

            return (RuntimeExitErrors.DiedDuringInvocation(requestId, _process.ExitCode, _output, _options.TimeProvider.GetElapsedTime(started)), false);
        }
        finally
        {
            Volatile.Write(ref _invoking, 0);
        }
    }

    /// <summary>Kills the process and everything it started, and waits (bounded) until it is gone.</summary>
    public async Task KillAsync()
    {
        Kill();
        try
        {
            await _exited.WaitAsync(s_exitWait).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"Function process {ProcessId} ({_options.FunctionName}) was killed but had not exited after {s_exitWait.TotalSeconds} s.", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= KillAtExit;
        try
        {
            await KillAsync().ConfigureAwait(false);
        }
        finally
        {
            await _api.DisposeAsync().ConfigureAwait(false);
            _process.Dispose();
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception && _process.HasExited)
        {
            // It exited between the decision to kill and the kill: what was wanted already happened.
        }
    }

    private void KillAtExit(object? sender, EventArgs e) => Kill();

    private void OnLine(string? line, Action<string> log)
    {
        if (line is null)
        {
            return;
        }

        _output.Add(line);
        log(line);
    }

    private static void ObserveIfAbandoned(Task<LocalInvocationResult> completion) =>
        // When the process dies mid-invocation its outcome is reported from the exit; this task then ends only when the
        // Runtime API is disposed (as a fault nobody awaits). Observing it keeps that already-reported end quiet.
        _ = completion.ContinueWith(static task => _ = task.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
