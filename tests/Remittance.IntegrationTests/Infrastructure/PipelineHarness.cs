using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Remittance.Local.StepFunctions;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;

namespace Remittance.IntegrationTests.Infrastructure;

/// <summary>
/// The real composition root wired to DynamoDB Local (a fresh table per test) and the local workflow runner.
/// </summary>
public sealed class PipelineHarness : IDisposable
{
    private PipelineHarness(RemittanceServices services, LocalStepFunctions stepFunctions, IAmazonDynamoDB dynamoDb, string tableName)
    {
        Services = services;
        StepFunctions = stepFunctions;
        DynamoDb = dynamoDb;
        TableName = tableName;
    }

    public RemittanceServices Services { get; }

    public LocalStepFunctions StepFunctions { get; }

    public IAmazonDynamoDB DynamoDb { get; }

    public string TableName { get; }

    public const string StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:remittance-enrichment";

    public static async Task<PipelineHarness> CreateAsync(
        DynamoDbLocalFixture fixture,
        string testName,
        IAmazonDynamoDB? dynamoDb = null,
        Remittance.Aws.StepFunctions.IAmazonStepFunctions? stepFunctions = null,
        Remittance.Workflows.Composition.ServiceDefinition? service = null)
    {
        var tableName = fixture.NewTablePrefix(testName) + "remittances";
        await TableSetup.EnsureTableAsync(fixture.Client, tableName, CancellationToken.None);
        var local = new LocalStepFunctions(TimeProvider.System);
        var services = RemittanceServices.Create(
            new RemittanceOptions { TableName = tableName, StateMachineArn = StateMachineArn },
            FunctionName.Stream,
            (service ?? Remittance.Workflows.Composition.ServiceCatalog.Enrichment).Profile,
            new RemittanceEdges { DynamoDb = dynamoDb ?? fixture.Client, StepFunctions = stepFunctions ?? local, LogWriter = TextWriter.Null });
        return new PipelineHarness(services, local, dynamoDb ?? fixture.Client, tableName);
    }

    public async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string key)
    {
        var response = await DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableName,
            Key = new() { [ItemAttributes.RequestId] = new AttributeValue { S = key } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public async Task<List<Dictionary<string, AttributeValue>>> ScanAsync()
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await DynamoDb.ScanAsync(new ScanRequest { TableName = TableName, ExclusiveStartKey = start, ConsistentRead = true });
            items.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return items;
    }

    public void Dispose() => Services.Dispose();
}
