using Remittance.Aws.SimpleNotificationService;
using Remittance.Pipeline.Contracts;
using Remittance.Workflows.Definition;
using Remittance.Workflows.Steps;

namespace Remittance.Local.Sns;

/// <summary>
/// The local SNS: a topic ARN per <see cref="WorkflowTopic"/>, each publish handed to the local topics
/// (which delivers it to the topic's subscriber). It is the SNS client the functions get in process, and what the
/// local SNS endpoint serves to the real binary.
/// </summary>
public sealed class LocalSns(ITopicPublisher topics) : IAmazonSimpleNotificationService
{
    public static string TopicArn(WorkflowTopic topic) => $"arn:aws:sns:us-east-1:000000000000:remittance-local-{topic.ToString().ToLowerInvariant()}";

    public async Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var topic = Enum.GetValues<WorkflowTopic>().Where(t => TopicArn(t) == request.TopicArn).Cast<WorkflowTopic?>().FirstOrDefault()
            ?? throw new AmazonSimpleNotificationServiceException($"Topic does not exist: '{request.TopicArn}'", null, "NotFound", null, System.Net.HttpStatusCode.NotFound);
        var message = request.Message ?? string.Empty;
        // The report counts publishes per remittance; an enriched envelope names its request.
        var requestId = EnvelopeContract.Instance.Parse(message).RequestId ?? "(unknown request)";
        await topics.PublishAsync(topic, requestId, message, cancellationToken).ConfigureAwait(false);
        return new PublishResponse { MessageId = Guid.NewGuid().ToString() };
    }
}
