using Remittance.Aws.Runtime;

namespace Remittance.Aws.StepFunctions;

/// <summary>Step Functions client settings: region or ServiceURL, retries, timeout (see <see cref="AwsClientConfig"/>).</summary>
public sealed class AmazonStepFunctionsConfig : AwsClientConfig;
