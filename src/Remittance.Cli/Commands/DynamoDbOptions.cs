using System.CommandLine;
using Remittance.DynamoDbLocal;

namespace Remittance.Cli.Commands;

/// <summary>Options shared by the local commands for choosing which DynamoDB Local to use.</summary>
public static class DynamoDbOptions
{
    public static Option<string?> Endpoint() => new("--dynamodb-endpoint")
    {
        Description = "Use an already running DynamoDB Local at this URL instead of starting one.",
    };

    public static Option<string> Table() => new("--table")
    {
        Description = "Name of the remittance table to create and use.",
        DefaultValueFactory = _ => Local.Run.LocalRunOptions.DefaultTableName,
    };

    public static DynamoDbLocalOptions From(string? endpoint, TextWriter error)
    {
        var fromEnvironment = DynamoDbLocalOptions.FromEnvironment(line => error.WriteLine(line));
        return endpoint is null
            ? fromEnvironment
            : fromEnvironment with { Mode = DynamoDbLocalMode.External, ExternalEndpoint = endpoint };
    }
}
