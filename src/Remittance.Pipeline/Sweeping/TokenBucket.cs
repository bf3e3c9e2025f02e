namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// Rate limit for Step Functions start calls: up to <c>capacity</c> at once, then <c>refillPerSecond</c>. A caller
/// takes its token at once and, when the bucket is in debt, waits until its token has been earned, so waiters are
/// served in order and the long-run rate never exceeds the refill rate.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly int _capacity;
    private readonly double _refillPerSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _stamp;

    public TokenBucket(int capacity, double refillPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(refillPerSecond);
        _capacity = capacity;
        _refillPerSecond = refillPerSecond;
        _time = time;
        _tokens = capacity;
        _stamp = time.GetTimestamp();
    }

    /// <summary>Tokens available now (negative while callers wait).</summary>
    public double Available
    {
        get
        {
            lock (_gate)
            {
                Refill();
                return _tokens;
            }
        }
    }

    public ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            if (_tokens >= 0)
            {
                return ValueTask.CompletedTask;
            }

            wait = TimeSpan.FromSeconds(-_tokens / _refillPerSecond);
        }

        return new ValueTask(WaitForTokenAsync(wait, cancellationToken));
    }

    private async Task WaitForTokenAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The token was never used: give it back so later callers do not wait for it.
            lock (_gate)
            {
                _tokens += 1;
            }

            throw;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + _time.GetElapsedTime(_stamp, now).TotalSeconds * _refillPerSecond);
        _stamp = now;
    }
}
