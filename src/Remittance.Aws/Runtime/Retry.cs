namespace Remittance.Aws.Runtime;

/// <summary>
/// The one retry loop of this repository, for the AWS clients' transport, the sweeper's throttled Step Functions calls
/// and the local host's stand-in for EventBridge's target retries: call; when the call fails with an error
/// <c>shouldRetry</c> accepts and retries remain, wait <c>delay(retry)</c> on <c>time</c> and call again. The last
/// failure propagates unchanged.
/// </summary>
public static class Retry
{
    /// <param name="call">One attempt.</param>
    /// <param name="maxRetries">Attempts after the first; 0 calls once.</param>
    /// <param name="shouldRetry">Whether a failure may go away on another attempt.</param>
    /// <param name="delay">The wait before retry 1, 2, …</param>
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="cancellationToken">Ends a wait (and is handed to each attempt).</param>
    /// <param name="onRetry">Told of each failure about to be retried, with the retry's number and wait (for a log line).</param>
    public static async Task<T> RunAsync<T>(
        Func<CancellationToken, Task<T>> call,
        int maxRetries,
        Func<Exception, bool> shouldRetry,
        Func<int, TimeSpan> delay,
        TimeProvider time,
        CancellationToken cancellationToken,
        Action<Exception, int, TimeSpan>? onRetry = null)
    {
        for (var retry = 1; ; retry++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception failure) when (retry <= maxRetries && shouldRetry(failure))
            {
                var wait = delay(retry);
                onRetry?.Invoke(failure, retry, wait);
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
