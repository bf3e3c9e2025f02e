namespace Remittance.Aws.SimpleNotificationService;

/// <summary>What SNS answered: the ID it gave the stored message.</summary>
public sealed class PublishResponse
{
    public string? MessageId { get; set; }
}
