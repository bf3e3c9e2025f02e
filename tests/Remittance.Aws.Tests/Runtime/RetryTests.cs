using Remittance.Aws.Runtime;

namespace Remittance.Aws.Tests.Runtime;

/// <summary>The shared retry loop and backoff: what is retried, how often, and how long each wait may be.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task Retry_RetriesWhatShouldRetry_UpToMaxRetries_ThenTheLastFailurePropagates()
    {
        var attempts = 0;
        var told = new List<(int Retry, TimeSpan Delay)>();

        var failure = await Assert.ThrowsAsync<TimeoutException>(() => Retry.RunAsync<int>(
            _ => throw new TimeoutException($"attempt {++attempts}"),
            maxRetries: 2,
            shouldRetry: e => e is TimeoutException,
            delay: retry => TimeSpan.FromTicks(retry),
            TimeProvider.System,
            CancellationToken.None,
            (_, retry, delay) => told.Add((retry, delay))));

        Assert.Equal(3, attempts);
        Assert.Equal("attempt 3", failure.Message);
        Assert.Equal([(1, TimeSpan.FromTicks(1)), (2, TimeSpan.FromTicks(2))], told);
    }

    [Fact]
    public async Task Retry_WhenAFailureShouldNotBeRetried_CallsOnce()
    {
        var attempts = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Retry.RunAsync<int>(
            _ => throw new InvalidOperationException($"attempt {++attempts}"), 5, e => e is TimeoutException, _ => TimeSpan.Zero,
            TimeProvider.System, CancellationToken.None));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Retry_ReturnsTheFirstSuccess()
    {
        var attempts = 0;

        var result = await Retry.RunAsync(
            _ => ++attempts < 3 ? throw new TimeoutException() : Task.FromResult(attempts), 5, _ => true, _ => TimeSpan.Zero,
            TimeProvider.System, CancellationToken.None);

        Assert.Equal(3, result);
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(5, 1000)]
    [InlineData(64, 1000)]
    public void Backoff_DoublesItsCeilingPerRetryUpToMax_AndJittersBelowIt(int retry, int ceilingMs)
    {
        var ceiling = TimeSpan.FromMilliseconds(ceilingMs);
        var full = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), BackoffJitter.Full);
        var half = full with { Jitter = BackoffJitter.Half };

        for (var sample = 0; sample < 200; sample++)
        {
            Assert.InRange(full.Delay(retry), TimeSpan.Zero, ceiling);
            Assert.InRange(half.Delay(retry), ceiling / 2, ceiling);
        }
    }
}
