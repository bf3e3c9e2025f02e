using Remittance.Workflows.Definition;

namespace Remittance.Workflows.Steps;

/// <summary>Where the workflow function's publish step sends a message: SNS in AWS, the in-process topics locally.</summary>
public interface ITopicPublisher
{
    Task PublishAsync(WorkflowTopic topic, string requestId, string message, CancellationToken cancellationToken);
}
