using System.Net;

namespace Remittance.Aws.Runtime;

/// <summary>What distinguishes one AWS service from another for the shared protocol clients.</summary>
/// <param name="TargetPrefix">The X-Amz-Target prefix, such as "AWSStepFunctions" (JSON protocol; query-protocol services: empty).</param>
/// <param name="SigningName">The SigV4 service name, such as "states".</param>
/// <param name="EndpointPrefix">The host label before the region, such as "states" or "streams.dynamodb".</param>
/// <param name="CreateException">Maps an error code to the service's exception type.</param>
public sealed record AwsServiceDefinition(
    string TargetPrefix,
    string SigningName,
    string EndpointPrefix,
    Func<string, string, string?, HttpStatusCode, AwsServiceException> CreateException);
