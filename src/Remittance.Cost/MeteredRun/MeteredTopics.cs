using System.Text;
using Remittance.Cost.Metering;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Cost.MeteredRun;

/// <summary>The local topics, counting each publish (attributed to the run that published) and its size.</summary>
public sealed class MeteredTopics(CostLedger ledger) : ITopicPublisher
{
    public Dictionary<WorkflowTopic, Func<string, string, CancellationToken, Task>> Subscribers { get; } = [];

    public async Task PublishAsync(WorkflowTopic topic, string requestId, string message, CancellationToken cancellationToken)
    {
        ledger.Add(new Publication(ledger.Current?.Service ?? "unattributed", topic.ToString(), requestId, Encoding.UTF8.GetByteCount(message)));
        if (Subscribers.TryGetValue(topic, out var subscriber))
        {
            await subscriber(requestId, message, cancellationToken).ConfigureAwait(false);
        }
    }
}
