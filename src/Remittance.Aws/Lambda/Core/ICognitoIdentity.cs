namespace Remittance.Aws.Lambda.Core;

/// <summary>The Amazon Cognito identity of the caller, for invocations from the AWS Mobile SDK.</summary>
public interface ICognitoIdentity
{
    string? IdentityId { get; }

    string? IdentityPoolId { get; }
}
