using Remittance.Aws.Runtime;

namespace Remittance.Aws.SimpleNotificationService;

/// <summary>SNS client settings: region or ServiceURL, retries, timeout (see <see cref="AwsClientConfig"/>).</summary>
public sealed class AmazonSimpleNotificationServiceConfig : AwsClientConfig;
