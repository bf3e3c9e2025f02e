using Remittance.Aws.Runtime;

namespace Remittance.Aws.StepFunctions;

/// <summary>Step Functions client settings: region or ServiceURL, retries, timeout (see <see cref="AwsJsonClientConfig"/>).</summary>
public sealed class AmazonStepFunctionsConfig : AwsJsonClientConfig;
