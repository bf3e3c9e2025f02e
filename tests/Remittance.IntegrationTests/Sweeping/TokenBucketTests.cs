using Remittance.Pipeline.Sweeping;

namespace Remittance.IntegrationTests.Sweeping;

/// <summary>The sweeper's start-rate limit, on a clock that moves only when the test says so.</summary>
public sealed class TokenBucketTests
{
    [Fact]
    public async Task TokenBucket_GivesTheBurstAtOnce_ThenOneTokenPerRefillInterval()
    {
        var clock = new ManualTimeProvider();
        var bucket = new TokenBucket(capacity: 3, refillPerSecond: 4, clock);

        var burst = Enumerable.Range(0, 3).Select(_ => bucket.WaitAsync(CancellationToken.None)).ToList();
        var fourth = bucket.WaitAsync(CancellationToken.None).AsTask();
        var fifth = bucket.WaitAsync(CancellationToken.None).AsTask();

        Assert.All(burst, wait => Assert.True(wait.IsCompletedSuccessfully));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(fourth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(fifth.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        await fifth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void TokenBucket_AfterALongPause_HoldsNoMoreThanItsCapacity()
    {
        var clock = new ManualTimeProvider();
        var bucket = new TokenBucket(capacity: 2, refillPerSecond: 100, clock);
        Assert.True(bucket.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(2, bucket.Available);
        Assert.True(bucket.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.True(bucket.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.False(bucket.WaitAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task TokenBucket_WhenAWaiterIsCancelled_GivesItsTokenBack()
    {
        var clock = new ManualTimeProvider();
        var bucket = new TokenBucket(capacity: 1, refillPerSecond: 1, clock);
        await bucket.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var abandoned = bucket.WaitAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(0, bucket.Available);
        var next = bucket.WaitAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
