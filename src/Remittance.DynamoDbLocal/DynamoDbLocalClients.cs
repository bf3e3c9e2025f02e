using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Remittance.DynamoDbLocal;

/// <summary>
/// SDK clients set up for DynamoDB Local: fixed dummy credentials and region (the server is started with
/// -sharedDb, so any pair would see the same tables, but fixed values keep the SDK from searching the
/// machine's AWS profile and instance metadata for them).
/// </summary>
public static class DynamoDbLocalClients
{
    public const string Region = "us-east-1";

    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("local", "local");

    /// <summary>A config to adjust before building a client (retries, an HTTP handler for fault injection).</summary>
    public static AmazonDynamoDBConfig CreateConfig(string serviceUrl) => new()
    {
        ServiceURL = serviceUrl,
        AuthenticationRegion = Region,
        // Local calls take milliseconds; a hung server should fail a test in seconds, not minutes.
        Timeout = TimeSpan.FromSeconds(15),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        MaxErrorRetry = 2,
    };

    public static IAmazonDynamoDB CreateClient(string serviceUrl) =>
        new AmazonDynamoDBClient(Credentials, CreateConfig(serviceUrl));
}
