using System.Text.Json.Serialization;
using Remittance.Aws.Lambda.Core;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>The JSON of the Lambda-Runtime-Cognito-Identity header.</summary>
internal sealed class CognitoIdentity : ICognitoIdentity
{
    [JsonPropertyName("cognitoIdentityId")]
    public string? IdentityId { get; set; }

    [JsonPropertyName("cognitoIdentityPoolId")]
    public string? IdentityPoolId { get; set; }
}
