namespace Remittance.DynamoDbLocal;

/// <summary>What <see cref="DynamoDbLocalServer.StartAsync"/> starts, or connects to.</summary>
public sealed record DynamoDbLocalOptions
{
    public const string DefaultDockerImage = "amazon/dynamodb-local:3.3.0";

    public DynamoDbLocalMode Mode { get; init; } = DynamoDbLocalMode.Auto;

    /// <summary>Used when <see cref="Mode"/> is <see cref="DynamoDbLocalMode.External"/>, e.g. http://127.0.0.1:8000.</summary>
    public string? ExternalEndpoint { get; init; }

    /// <summary>A folder to keep the database in; null keeps it in memory (and gone on dispose).</summary>
    public string? DbPath { get; init; }

    /// <summary>How long a started server may take to answer ListTables before start-up fails.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public string DockerImage { get; init; } = DefaultDockerImage;

    /// <summary>Progress: install, mode chosen, port, ready time. Called from any thread.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>
    /// Defaults overridden by <see cref="DynamoDbLocalEnvironment.Endpoint"/> (use that server, start nothing)
    /// and <see cref="DynamoDbLocalEnvironment.Mode"/>. Kept out of <see cref="DynamoDbLocalServer.StartAsync"/> so that
    /// code asking for a specific mode (tests of the launcher itself) gets it whatever the environment says.
    /// </summary>
    public static DynamoDbLocalOptions FromEnvironment(Action<string>? log = null)
    {
        var options = new DynamoDbLocalOptions { Log = log };
        if (DynamoDbLocalEnvironment.Read(DynamoDbLocalEnvironment.Endpoint) is { } endpoint)
        {
            return options with { Mode = DynamoDbLocalMode.External, ExternalEndpoint = endpoint };
        }

        if (DynamoDbLocalEnvironment.Read(DynamoDbLocalEnvironment.Mode) is { } mode)
        {
            if (!Enum.TryParse<DynamoDbLocalMode>(mode, ignoreCase: true, out var parsed) || parsed == DynamoDbLocalMode.External)
            {
                throw new DynamoDbLocalException(
                    $"{DynamoDbLocalEnvironment.Mode}='{mode}' is not one of auto, docker, jar "
                    + $"(to use a running DynamoDB Local, set {DynamoDbLocalEnvironment.Endpoint} instead).");
            }

            return options with { Mode = parsed };
        }

        return options;
    }
}
