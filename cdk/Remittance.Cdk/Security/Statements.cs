using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;

namespace Remittance.Cdk.Security;

/// <summary>Least-privilege IAM statements: named actions on named resources, nothing else.</summary>
public static class Statements
{
    public static PolicyStatement Allow(IEnumerable<string> actions, params string[] resources) => new(new PolicyStatementProps
    {
        Effect = Effect.ALLOW,
        Actions = [.. actions.Distinct(StringComparer.Ordinal)],
        Resources = resources,
    });

    public static PolicyStatement UseKey(IKey key, params IEnumerable<string>[] actionSets) =>
        Allow(actionSets.SelectMany(a => a), key.KeyArn);
}
