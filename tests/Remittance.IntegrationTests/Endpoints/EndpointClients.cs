using Amazon.Runtime;
using Remittance.Aws.SimpleNotificationService;
using Remittance.Aws.StepFunctions;
using Remittance.Local.Endpoints;

namespace Remittance.IntegrationTests.Endpoints;

/// <summary>The real clients, configured as the Lambda binary configures them from REMITTANCE_*_ENDPOINT.</summary>
internal static class EndpointClients
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    public static AmazonStepFunctionsClient StepFunctions(LocalStepFunctionsEndpoint endpoint, int maxErrorRetry = 2) =>
        new(new BasicAWSCredentials("local", "local"), new AmazonStepFunctionsConfig
        {
            ServiceURL = endpoint.ServiceUrl,
            MaxErrorRetry = maxErrorRetry,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });

    public static AmazonSimpleNotificationServiceClient Sns(LocalSnsEndpoint endpoint, int maxErrorRetry = 2) =>
        new(new BasicAWSCredentials("local", "local"), new AmazonSimpleNotificationServiceConfig
        {
            ServiceURL = endpoint.ServiceUrl,
            MaxErrorRetry = maxErrorRetry,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });
}
