using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Remittance.DynamoDbLocal.Hosting;

/// <summary>
/// Waits until the server answers a real SDK call: an open port is not enough, since Jetty listens before
/// the storage layer is ready.
/// </summary>
internal static class ReadinessProbe
{
    private static readonly TimeSpan s_firstDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromMilliseconds(500);

    public static async Task WaitAsync(ILocalInstance instance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var config = DynamoDbLocalClients.CreateConfig(instance.ServiceUrl);
        config.MaxErrorRetry = 0;
        config.Timeout = TimeSpan.FromSeconds(5);
        using var client = new AmazonDynamoDBClient(DynamoDbLocalClients.Credentials, config);

        var elapsed = Stopwatch.StartNew();
        var delay = s_firstDelay;
        while (true)
        {
            Exception lastError;
            try
            {
                await client.ListTablesAsync(new ListTablesRequest { Limit = 1 }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Refused connections and resets are expected until the server is up; the last one is reported on time-out.
                lastError = e;
            }

            if (await instance.DescribeFailureAsync(cancellationToken).ConfigureAwait(false) is { } failure)
            {
                throw new DynamoDbLocalException(failure);
            }

            if (elapsed.Elapsed >= timeout)
            {
                var output = await instance.RecentOutputAsync(cancellationToken).ConfigureAwait(false);
                throw new DynamoDbLocalException(
                    $"DynamoDB Local at {instance.ServiceUrl} did not answer ListTables within {timeout.TotalSeconds:0} s; "
                    + $"last error: {lastError.GetType().Name}: {lastError.Message}{Environment.NewLine}--- server output ---{Environment.NewLine}{output}",
                    lastError);
            }

            await Task.WhenAny(Task.Delay(delay, cancellationToken), instance.Stopped).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, s_maxDelay.Ticks));
        }
    }
}
