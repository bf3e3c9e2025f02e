using Remittance.Local.RuntimeApi;

namespace Remittance.Local.Lambda;

/// <summary>
/// Runs the published function binary as Lambda does: one warm process per instance, each fed one invocation at a
/// time through a Runtime API of its own, with instances started as load needs them up to
/// <see cref="FunctionProcessOptions.MaxInstances"/>. An invocation takes an idle instance, else starts one, else waits
/// for one to become idle. An instance whose process dies, or whose invocation times out, is discarded; the next
/// invocation starts a fresh one (a cold start, as in Lambda).
/// </summary>
public sealed class FunctionProcessPool : IAsyncDisposable
{
    private readonly FunctionProcessOptions _options;
    private readonly Lock _gate = new();
    private readonly Lock _logGate = new();
    private readonly Stack<FunctionProcessInstance> _idle = new();
    private readonly HashSet<FunctionProcessInstance> _live = [];
    private readonly List<int> _processIds = [];
    private readonly Queue<TaskCompletionSource<FunctionProcessInstance?>> _waiters = new();
    private int _slots;
    private int _instancesStarted;
    private int _invocations;
    private bool _disposed;

    public FunctionProcessPool(FunctionProcessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public FunctionProcessOptions Options => _options;

    /// <summary>How many processes were started (cold starts), including those that failed to initialise.</summary>
    public int InstancesStarted => Volatile.Read(ref _instancesStarted);

    /// <summary>How many invocations were asked for.</summary>
    public int Invocations => Volatile.Read(ref _invocations);

    /// <summary>The process IDs of every instance ever started, in start order.</summary>
    public IReadOnlyList<int> StartedProcessIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _processIds];
            }
        }
    }

    /// <summary>
    /// Invokes the function once and returns what it answered, or how it failed: a function error (Failed), a timeout
    /// (TimedOut), a failed init (InitFailed, when this invocation started the instance), or the process dying
    /// (Failed with error type Runtime.ExitError).
    /// </summary>
    public async Task<LocalInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _invocations);

        // Runs synchronously up to its first wait, so invocations started together see each other's reservations.
        var instance = await AcquireAsync(cancellationToken).ConfigureAwait(false);
        var reusable = false;
        try
        {
            if (instance is null)
            {
                instance = await StartInstanceAsync().ConfigureAwait(false);
                if (await instance.WaitReadyAsync(cancellationToken).ConfigureAwait(false) is { } initFailure)
                {
                    return initFailure;
                }
            }

            (var result, reusable) = await instance.InvokeAsync(payload, cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            // A cancelled wait leaves an instance whose answer nobody will collect: discarding it is the bounded choice.
            await ReleaseAsync(instance, reusable).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Kills the process of one instance that is handling an invocation (as a crash or an out-of-memory kill would);
    /// that invocation completes as Failed with Runtime.ExitError. False when no instance is busy.
    /// </summary>
    public async Task<bool> KillBusyInstanceAsync()
    {
        FunctionProcessInstance? busy;
        lock (_gate)
        {
            busy = _live.FirstOrDefault(instance => instance.IsInvoking && !instance.HasExited);
        }

        if (busy is null)
        {
            return false;
        }

        await busy.KillAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>Kills every instance's process tree, waits (bounded) for each to exit and stops their Runtime APIs.</summary>
    public async ValueTask DisposeAsync()
    {
        List<FunctionProcessInstance> instances;
        List<TaskCompletionSource<FunctionProcessInstance?>> waiters;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            instances = [.. _live];
            waiters = [.. _waiters];
            _live.Clear();
            _idle.Clear();
            _waiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetException(new ObjectDisposedException(nameof(FunctionProcessPool)));
        }

        var disposals = Task.WhenAll(instances.Select(instance => instance.DisposeAsync().AsTask()));
        try
        {
            await disposals.ConfigureAwait(false);
        }
        catch (Exception) when (disposals.Exception is { InnerExceptions.Count: > 1 } all)
        {
            throw all;
        }
    }

    /// <summary>An idle instance, or null with a slot reserved for the caller to start one.</summary>
    private async Task<FunctionProcessInstance?> AcquireAsync(CancellationToken cancellationToken)
    {
        FunctionProcessInstance? found = null;
        TaskCompletionSource<FunctionProcessInstance?>? waiter = null;
        List<FunctionProcessInstance> dead = [];
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            while (found is null && _idle.TryPop(out var idle))
            {
                if (idle.HasExited)
                {
                    // Died while idle (killed from outside): it holds a slot no longer.
                    _live.Remove(idle);
                    _slots--;
                    dead.Add(idle);
                }
                else
                {
                    found = idle;
                }
            }

            if (found is null && _slots < _options.MaxInstances)
            {
                _slots++;
            }
            else if (found is null)
            {
                waiter = new TaskCompletionSource<FunctionProcessInstance?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.Enqueue(waiter);
            }
        }

        // Their processes are gone already, so this only stops their Runtime APIs.
        foreach (var instance in dead)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }

        if (waiter is null)
        {
            return found;
        }

        // Whoever releases next skips a waiter that gave up; one that was handed something first keeps it.
        using var registration = cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken));
        return await waiter.Task.ConfigureAwait(false);
    }

    private async Task<FunctionProcessInstance> StartInstanceAsync()
    {
        var instance = await FunctionProcessInstance.StartAsync(_options, WriteLog).ConfigureAwait(false);
        Interlocked.Increment(ref _instancesStarted);
        bool disposed;
        lock (_gate)
        {
            disposed = _disposed;
            _processIds.Add(instance.ProcessId);
            if (!disposed)
            {
                _live.Add(instance);
            }
        }

        if (disposed)
        {
            // The pool was disposed while this process started: it must not outlive the pool.
            await instance.DisposeAsync().ConfigureAwait(false);
            throw new ObjectDisposedException(nameof(FunctionProcessPool));
        }

        return instance;
    }

    private async Task ReleaseAsync(FunctionProcessInstance? instance, bool reusable)
    {
        lock (_gate)
        {
            if (reusable && instance is not null && !_disposed)
            {
                while (_waiters.TryDequeue(out var waiter))
                {
                    if (waiter.TrySetResult(instance))
                    {
                        return;
                    }
                }

                _idle.Push(instance);
                return;
            }

            // The instance is discarded (or never started): its slot goes to the first waiter still waiting, to start one.
            if (instance is not null)
            {
                _live.Remove(instance);
            }

            var handedOn = false;
            while (!_disposed && !handedOn && _waiters.TryDequeue(out var waiter))
            {
                handedOn = waiter.TrySetResult(null);
            }

            if (!handedOn)
            {
                _slots--;
            }
        }

        if (instance is not null)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void WriteLog(string line)
    {
        if (_options.OnLogLine is not { } onLogLine)
        {
            return;
        }

        lock (_logGate)
        {
            onLogLine(line);
        }
    }
}
