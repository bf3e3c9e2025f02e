namespace Remittance.IntegrationTests.Infrastructure;

/// <summary>Every class in this collection shares one DynamoDB Local, started once per test run.</summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "DynamoDB Local";
}
