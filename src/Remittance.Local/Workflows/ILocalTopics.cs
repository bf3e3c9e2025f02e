using Remittance.Workflows.Definition;

namespace Remittance.Local.Workflows;

/// <summary>Where the local runner's publish states deliver (SNS in AWS).</summary>
public interface ILocalTopics
{
    Task PublishAsync(WorkflowTopic topic, string requestId, string message, CancellationToken cancellationToken);
}
