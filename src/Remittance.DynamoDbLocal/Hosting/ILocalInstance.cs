namespace Remittance.DynamoDbLocal.Hosting;

/// <summary>One running (or reachable) DynamoDB Local, however it was obtained.</summary>
internal interface ILocalInstance : IAsyncDisposable
{
    string ServiceUrl { get; }

    /// <summary>Completes if the instance dies; never completes for one this process does not own.</summary>
    Task Stopped { get; }

    /// <summary>Null while the instance may still come up; otherwise why it never will, with its output.</summary>
    ValueTask<string?> DescribeFailureAsync(CancellationToken cancellationToken);

    /// <summary>What the server printed lately, for a start-up that timed out.</summary>
    ValueTask<string> RecentOutputAsync(CancellationToken cancellationToken);
}
