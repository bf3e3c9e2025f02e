using System.Collections.Concurrent;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Local.Sns;

/// <summary>
/// The local topics: every publish is kept (the report counts them per request) and handed to the subscriber of that
/// topic, e.g. the notification service's queue for enriched envelopes.
/// </summary>
public sealed class RecordingTopics : ITopicPublisher
{
    private readonly ConcurrentQueue<(WorkflowTopic Topic, string RequestId, string Message)> _published = new();

    public Dictionary<WorkflowTopic, Func<string, string, CancellationToken, Task>> Subscribers { get; } = [];

    public IReadOnlyList<(WorkflowTopic Topic, string RequestId, string Message)> Published => [.. _published];

    public async Task PublishAsync(WorkflowTopic topic, string requestId, string message, CancellationToken cancellationToken)
    {
        if (Subscribers.TryGetValue(topic, out var subscriber))
        {
            await subscriber(requestId, message, cancellationToken).ConfigureAwait(false);
        }

        _published.Enqueue((topic, requestId, message));
    }
}
