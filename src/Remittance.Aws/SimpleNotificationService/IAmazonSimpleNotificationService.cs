namespace Remittance.Aws.SimpleNotificationService;

/// <summary>The SNS calls this system makes, shaped like AWSSDK.SimpleNotificationService's interface.</summary>
public interface IAmazonSimpleNotificationService
{
    Task<PublishResponse> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default);
}
