using System.Net;
using Amazon.Runtime;
using Remittance.Aws.Runtime;

namespace Remittance.Aws.SimpleNotificationService;

/// <summary>
/// An SNS client over the AWS query protocol (API version 2010-03-31, signing name sns), standing in for
/// AWSSDK.SimpleNotificationService. Credentials come from the SDK's default chain unless given.
/// </summary>
public sealed class AmazonSimpleNotificationServiceClient : IAmazonSimpleNotificationService, IDisposable
{
    public const string ApiVersion = "2010-03-31";

    private static readonly AwsServiceDefinition s_service = new(string.Empty, "sns", "sns", CreateException);

    private readonly AwsQueryProtocolClient _protocol;

    public AmazonSimpleNotificationServiceClient()
        : this(null, new AmazonSimpleNotificationServiceConfig())
    {
    }

    public AmazonSimpleNotificationServiceClient(AmazonSimpleNotificationServiceConfig config)
        : this(null, config)
    {
    }

    public AmazonSimpleNotificationServiceClient(AWSCredentials? credentials, AmazonSimpleNotificationServiceConfig config) =>
        _protocol = new AwsQueryProtocolClient(s_service, ApiVersion, config, credentials);

    /// <summary>Where requests go (the region's endpoint, or the ServiceURL).</summary>
    public Uri Endpoint => _protocol.Endpoint;

    public Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(request.TopicArn) || request.Message is null)
        {
            throw new ArgumentException("Publish needs a TopicArn and a Message.", nameof(request));
        }

        return _protocol.InvokeAsync("Publish",
            [new("TopicArn", request.TopicArn), new("Message", request.Message), new("Subject", request.Subject)],
            result => new PublishResponse { MessageId = AwsQueryProtocolClient.Child(result, "MessageId") },
            cancellationToken);
    }

    public void Dispose() => _protocol.Dispose();

    private static AwsServiceException CreateException(string code, string message, string? requestId, HttpStatusCode status) =>
        new AmazonSimpleNotificationServiceException(message, null, code, requestId, status);
}
