using Remittance.Aws.Lambda.RuntimeSupport;

namespace Remittance.Local.RuntimeApi;

/// <summary>
/// An invocation handed to a <see cref="LocalRuntimeApi"/>: queued, then delivered to a runtime, then finished.
/// <see cref="Completion"/> ends with its outcome; one timer bounds whichever wait it is in.
/// </summary>
public sealed class LocalInvocation
{
    private readonly TaskCompletionSource<LocalInvocationResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private State _state = State.Queued;
    private long _deliveredAt;
    private ITimer? _timer;

    internal LocalInvocation(string requestId, byte[] payload, LocalInvocationOptions options, TimeProvider time)
    {
        RequestId = requestId;
        Payload = payload;
        Options = options;
        _time = time;
    }

    private enum State
    {
        Queued,
        Delivered,
        Finished,
    }

    public string RequestId { get; }

    /// <summary>Completes when the runtime posts a response or error, or the invocation times out.</summary>
    public Task<LocalInvocationResult> Completion => _completion.Task;

    internal byte[] Payload { get; }

    internal LocalInvocationOptions Options { get; }

    /// <summary>Bounds the wait for a runtime to take the invocation.</summary>
    internal void AwaitPickup(TimeSpan pickupTimeout, Action<LocalInvocation> onPickupTimeout)
    {
        lock (_gate)
        {
            if (_state == State.Queued)
            {
                Arm(pickupTimeout, onPickupTimeout);
            }
        }
    }

    /// <summary>Marks the invocation as taken by a runtime and bounds its run; false if it is not waiting in the queue.</summary>
    internal bool TryDeliver(TimeSpan runTimeout, Action<LocalInvocation> onRunTimeout)
    {
        lock (_gate)
        {
            if (_state != State.Queued)
            {
                return false;
            }

            _state = State.Delivered;
            _deliveredAt = _time.GetTimestamp();
            Arm(runTimeout, onRunTimeout);
            return true;
        }
    }

    /// <summary>Takes back a delivery the runtime never received; false if the invocation moved on meanwhile.</summary>
    internal bool TryReturnToQueue()
    {
        lock (_gate)
        {
            if (_state != State.Delivered)
            {
                return false;
            }

            _state = State.Queued;
            Disarm();
            return true;
        }
    }

    /// <summary>Records the outcome; <paramref name="onlyIfDelivered"/> refuses posts for invocations no runtime holds.</summary>
    internal bool TryFinish(LocalInvocationStatus status, byte[] payload, string? errorType, LambdaErrorResponse? error, bool onlyIfDelivered)
    {
        lock (_gate)
        {
            if (_state == State.Finished || (onlyIfDelivered && _state != State.Delivered))
            {
                return false;
            }

            var duration = _state == State.Delivered ? _time.GetElapsedTime(_deliveredAt) : TimeSpan.Zero;
            _state = State.Finished;
            Disarm();
            return _completion.TrySetResult(new LocalInvocationResult(RequestId, status, payload, errorType, error, duration));
        }
    }

    internal bool TryFail(Exception exception)
    {
        lock (_gate)
        {
            if (_state == State.Finished)
            {
                return false;
            }

            _state = State.Finished;
            Disarm();
            return _completion.TrySetException(exception);
        }
    }

    private void Arm(TimeSpan dueTime, Action<LocalInvocation> onDue)
    {
        Disarm();
        _timer = _time.CreateTimer(static state => ((Action)state!)(), (Action)(() => onDue(this)), dueTime, Timeout.InfiniteTimeSpan);
    }

    private void Disarm()
    {
        _timer?.Dispose();
        _timer = null;
    }
}
