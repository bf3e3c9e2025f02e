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

    // Exponential with jitter: half the step is fixed (so a retry always waits), the other half random.
    private readonly Backoff _backoff = new(settings.BackoffBase, settings.BackoffMax, BackoffJitter.Half);

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

    private Task<T> CallAsync<T>(Func<Task<T>> call, TokenBucket? bucket, CancellationToken cancellationToken) =>
        Retry.RunAsync(
            async token =>
            {
                if (bucket is not null)
                {
                    await bucket.WaitAsync(token).ConfigureAwait(false);
                }

                return await call().ConfigureAwait(false);
            },
            settings.MaxThrottleRetries,
            failure => failure is AwsServiceException service && IsThrottled(service),
            _backoff.Delay,
            time,
            cancellationToken,
            (failure, retry, delay) => log.Debug("sweep.throttled", ("error", ((AwsServiceException)failure).ErrorCode), ("retry", retry),
                ("delayMs", (long)delay.TotalMilliseconds)));

    private static bool IsThrottled(AwsServiceException failure) => failure.IsThrottling || failure is ExecutionLimitExceededException;
}
