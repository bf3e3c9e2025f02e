using Remittance.Aws.Runtime;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Workflows.Publishing;

/// <summary>
/// The publish step's way out in AWS: SNS Publish to the one topic this function was given. Throttling, 5xx and
/// timeouts that outlast the client's own retries become <see cref="TransientStepError"/> (the state's retry policy,
/// then the sweeper); anything else (the topic gone, access denied) escapes under its own name and fails the run for
/// the sweeper to re-drive once an operator has fixed it.
/// </summary>
public sealed class SnsTopicPublisher(IAmazonSimpleNotificationService sns, WorkflowTopic topic, string topicArn) : ITopicPublisher
{
    public async Task PublishAsync(WorkflowTopic destination, string requestId, string message, CancellationToken cancellationToken)
    {
        if (destination != topic)
        {
            throw new InvalidOperationException($"This function publishes to the {topic} topic only, not to {destination}.");
        }

        try
        {
            await sns.PublishAsync(new PublishRequest { TopicArn = topicArn, Message = message }, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException failure) when (failure.IsRetryable)
        {
            throw new TransientStepError($"SNS did not take the message for the {topic} topic ({failure.ErrorCode}): {failure.Message}", failure);
        }
        catch (Exception failure) when (failure is HttpRequestException or TimeoutException)
        {
            throw new TransientStepError($"SNS could not be reached to publish to the {topic} topic: {failure.Message}", failure);
        }
    }
}
