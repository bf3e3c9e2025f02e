using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Amazon.JSII.Runtime.Deputy;
using Remittance.Cdk.Security;

namespace Remittance.Cdk.Patterns;

/// <summary>
/// The on-failure destination of a stream event source: an encrypted SQS queue. Like CDK's <c>SqsDlq</c>, but it
/// grants only what Lambda uses to hand over a failed batch's metadata (<c>sqs:SendMessage</c> and the key's data-key
/// actions) instead of <c>grantSendMessages</c>' wildcard KMS actions.
/// </summary>
internal sealed class QueueOnFailure(IQueue queue, IKey key) : DeputyBase, IEventSourceDlq
{
    public IDlqDestinationConfig Bind(IEventSourceMapping target, IFunction targetHandler)
    {
        targetHandler.AddToRolePolicy(Statements.Allow(["sqs:SendMessage"], queue.QueueArn));
        targetHandler.AddToRolePolicy(Statements.UseKey(key, KmsActions.Produce));
        return new DlqDestinationConfig { Destination = queue.QueueArn };
    }
}
