using System.Collections.Concurrent;
using Remittance.Aws.SimpleNotificationService;

namespace Remittance.Cdk.Tests.Deployed;

/// <summary>SNS as the deployed functions see it: every publish kept with the topic ARN it was sent to.</summary>
public sealed class RecordingSns : IAmazonSimpleNotificationService
{
    private readonly ConcurrentQueue<PublishRequest> _published = new();

    public IReadOnlyList<PublishRequest> Published => [.. _published];

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        _published.Enqueue(request);
        return Task.FromResult(new PublishResponse { MessageId = Guid.NewGuid().ToString() });
    }
}
