using System.Collections.Concurrent;
using Remittance.Aws.SimpleNotificationService;

namespace Remittance.IntegrationTests.Endpoints;

/// <summary>The in-process side of the SNS endpoint: records every publication and answers (or throws) as scripted.</summary>
internal sealed class FakeSnsBackend : IAmazonSimpleNotificationService
{
    public ConcurrentQueue<PublishRequest> Published { get; } = new();

    public Func<PublishRequest, PublishResponse> OnPublish { get; init; } = _ => new PublishResponse { MessageId = Guid.NewGuid().ToString() };

    public async Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        Published.Enqueue(request);
        await Task.Yield();
        return OnPublish(request);
    }
}
