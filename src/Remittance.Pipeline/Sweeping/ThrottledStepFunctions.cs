using Remittance.Aws.Runtime;
using Remittance.Aws.StepFunctions;
using Remittance.Pipeline.Observability;
using Remittance.Pipeline.Tracking;

namespace Remittance.Pipeline.Sweeping;

/// <summary>
/// The Step Functions calls of one sweep. StartExecution and RedriveExecution share one token bucket, so a sweep never
/// starts runs faster than the settings allow; every call backs off and retries when throttled (after the client's own
/// retries), up to <see cref="SweeperSettings.MaxThrottleRetries"/> times.
/// </summary>
internal sealed class ThrottledStepFunctions(
    IAmazonStepFunctions stepFunctions,
    string stateMachineArn,
    SweeperSettings settings,
    TimeProvider time,
    JsonLog log)
{
    private readonly TokenBucket _starts = new(settings.StartBurst, settings.StartRatePerSecond, time);

    /// <summary>The execution recorded under <paramref name="executionName"/>, or null when none exists.</summary>
    public async Task<DescribeExecutionResponse?> DescribeAsync(string executionName, CancellationToken cancellationToken)
    {
        try
        {
            return await CallAsync(() => stepFunctions.DescribeExecutionAsync(
                new DescribeExecutionRequest { ExecutionArn = ExecutionArns.For(stateMachineArn, executionName) }, cancellationToken),
                null, cancellationToken).ConfigureAwait(false);
        }
        catch (ExecutionDoesNotExistException)
        {
            return null;
        }
    }

    public Task StartAsync(string executionName, string input, CancellationToken cancellationToken) =>
        CallAsync(() => stepFunctions.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = stateMachineArn,
            Name = executionName,
            Input = input,
        }, cancellationToken), _starts, cancellationToken);

    public Task RedriveAsync(string executionName, string clientToken, CancellationToken cancellationToken) =>
        CallAsync(() => stepFunctions.RedriveExecutionAsync(new RedriveExecutionRequest
        {
            ExecutionArn = ExecutionArns.For(stateMachineArn, executionName),
            ClientToken = clientToken,
        }, cancellationToken), _starts, cancellationToken);

    /// <summary>What a failure that retrying may fix left behind, for the summary.</summary>
    public string DescribeTransient(Exception failure) => failure is AwsServiceException service && IsThrottled(service)
        ? $"still throttled after {settings.MaxThrottleRetries} retries with backoff ({FailureText.Describe(failure)})"
        : FailureText.Describe(failure);

    private async Task<T> CallAsync<T>(Func<Task<T>> call, TokenBucket? bucket, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            if (bucket is not null)
            {
                await bucket.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (AwsServiceException failure) when (IsThrottled(failure) && retry < settings.MaxThrottleRetries)
            {
                var delay = Backoff(retry);
                log.Debug("sweep.throttled", ("error", failure.ErrorCode), ("retry", retry + 1), ("delayMs", (long)delay.TotalMilliseconds));
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Exponential with jitter: half the step is fixed (so a retry always waits), the other half random.
    private TimeSpan Backoff(int retry)
    {
        var step = Math.Min(settings.BackoffMax.Ticks, settings.BackoffBase.Ticks * (1L << Math.Min(retry, 30)));
        return TimeSpan.FromTicks(step / 2 + Random.Shared.NextInt64(step / 2 + 1));
    }

    private static bool IsThrottled(AwsServiceException failure) => failure.IsThrottling || failure is ExecutionLimitExceededException;
}
