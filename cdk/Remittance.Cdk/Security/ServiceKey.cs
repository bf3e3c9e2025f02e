using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace Remittance.Cdk.Security;

/// <summary>
/// A customer-managed KMS key with yearly rotation. Its policy starts with the account-root statement CDK and AWS use
/// by default (the account administers its own key, and IAM policies can then grant its use); services that act on
/// their own behalf (SNS delivering to a queue, EventBridge writing a dead letter, CloudWatch publishing an alarm)
/// are added by the construct that needs them, each limited to its source.
/// </summary>
public static class ServiceKey
{
    public static Key Create(Construct scope, string id, string alias, string description, RemovalPolicy removalPolicy) => new(scope, id, new KeyProps
    {
        Alias = alias,
        Description = description,
        EnableKeyRotation = true,
        RemovalPolicy = removalPolicy,
        PendingWindow = Duration.Days(30),
    });
}
