using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;
using Amazon.JSII.Runtime.Deputy;
using Constructs;
using Remittance.Cdk.Security;

namespace Remittance.Cdk.Patterns;

/// <summary>
/// The on-failure destination of a function's asynchronous invocations: an encrypted SQS queue. Like CDK's
/// <c>SqsDestination</c>, but granting only <c>sqs:SendMessage</c> and the key's data-key actions, not
/// <c>grantSendMessages</c>' wildcard KMS actions.
/// </summary>
internal sealed class QueueDestination(IQueue queue, IKey key) : DeputyBase, IDestination
{
    public IDestinationConfig Bind(Construct scope, IFunction fn, IDestinationOptions? options = null)
    {
        fn.AddToRolePolicy(Statements.Allow(["sqs:SendMessage"], queue.QueueArn));
        fn.AddToRolePolicy(Statements.UseKey(key, KmsActions.Produce));
        return new DestinationConfig { Destination = queue.QueueArn };
    }
}
