using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Constructs;

namespace Remittance.Cdk.Security;

/// <summary>
/// An SNS topic encrypted with a customer-managed key whose policy refuses publishing without TLS. Written out here
/// because <c>TopicProps.EnforceSSL</c> in CDK 2.160 only takes effect when something else creates the topic policy.
/// </summary>
public static class EncryptedTopic
{
    public static Topic Create(Construct scope, string id, string displayName, IKey key)
    {
        var topic = new Topic(scope, id, new TopicProps { DisplayName = displayName, MasterKey = key });
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyPublishWithoutTls",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
            },
        }));
        return topic;
    }
}
