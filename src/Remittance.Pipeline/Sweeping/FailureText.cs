using Remittance.Aws.Runtime;

namespace Remittance.Pipeline.Sweeping;

/// <summary>How the sweeper words a failure in its summary: the service's error code when there is one.</summary>
internal static class FailureText
{
    public static string Describe(Exception failure) => failure switch
    {
        AwsServiceException { ErrorCode: { } code } => $"{code}: {failure.Message}",
        Amazon.Runtime.AmazonServiceException { ErrorCode: { } code } => $"{code}: {failure.Message}",
        _ => $"{failure.GetType().Name}: {failure.Message}",
    };
}
