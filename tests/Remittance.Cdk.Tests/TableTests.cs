using System.Text.Json.Nodes;
using Remittance.Cdk.Configuration;
using Remittance.Cdk.Tests.Support;
using Remittance.Pipeline.Schema;
using SdkModel = Amazon.DynamoDBv2.Model;

namespace Remittance.Cdk.Tests;

/// <summary>The tables are the code's schema definitions, deployed: nothing about them is retyped in the CDK app.</summary>
[Collection(SynthCollection.Name)]
public sealed class TableTests(SynthesizedApp app)
{
    private JsonObject TableProperties(string service) =>
        app.Main.Template[app.LogicalId(app.Service(service).Table)].Properties;

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void RemittanceTable_GlobalSecondaryIndexes_AreTheSchemasIndexes(string service)
    {
        var expected = RemittanceTableSchema.CreateTableRequest("any").GlobalSecondaryIndexes;
        var actual = TableProperties(service)["GlobalSecondaryIndexes"]!.AsArray();

        Assert.Equal(expected.Select(i => i.IndexName).Order(), actual.Select(i => i!["IndexName"]!.GetValue<string>()).Order());
        foreach (var index in expected)
        {
            var deployed = actual.Single(i => i!["IndexName"]!.GetValue<string>() == index.IndexName)!;
            Assert.Equal(Keys(index.KeySchema), Keys(deployed["KeySchema"]!.AsArray()));
            Assert.Equal(index.Projection.ProjectionType.Value, deployed["Projection"]!["ProjectionType"]!.GetValue<string>());
            Assert.Equal(
                index.Projection.NonKeyAttributes ?? [],
                PolicyStatementJson.Strings(deployed["Projection"]!["NonKeyAttributes"]));
        }
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void RemittanceTable_KeysAttributesStreamAndBilling_AreTheSchemas(string service)
    {
        var schema = RemittanceTableSchema.CreateTableRequest("any");
        var table = TableProperties(service);

        Assert.Equal(Keys(schema.KeySchema), Keys(table["KeySchema"]!.AsArray()));
        Assert.Equal(
            schema.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)).Order(),
            table["AttributeDefinitions"]!.AsArray().Select(a => (a!["AttributeName"]!.GetValue<string>(), a["AttributeType"]!.GetValue<string>())).Order());
        Assert.Equal(schema.StreamSpecification.StreamViewType.Value, table["StreamSpecification"]!["StreamViewType"]!.GetValue<string>());
        Assert.Equal("NEW_AND_OLD_IMAGES", table["StreamSpecification"]!["StreamViewType"]!.GetValue<string>());
        Assert.Equal(schema.BillingMode.Value, table["BillingMode"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void RemittanceTable_IsEncryptedWithTheServicesKey_AndHasPointInTimeRecovery(string service)
    {
        var table = TableProperties(service);

        Assert.True(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>());
        Assert.True(table["SSESpecification"]!["SSEEnabled"]!.GetValue<bool>());
        Assert.Equal("KMS", table["SSESpecification"]!["SSEType"]!.GetValue<string>());
        Assert.Equal(app.LogicalId(app.Service(service).Key), Template.ReferencedId(table["SSESpecification"]!["KMSMasterKeyId"]));
    }

    [Fact]
    public void InvoicesTable_IsTheInvoicesSchema_EncryptedWithTheEnrichmentKey()
    {
        var schema = InvoicesTableSchema.CreateTableRequest("any");
        var table = app.Main.Template[app.LogicalId(app.Main.Stack.InvoicesTable)].Properties;

        Assert.Equal(Keys(schema.KeySchema), Keys(table["KeySchema"]!.AsArray()));
        Assert.Equal([(InvoicesTableSchema.InvoiceId, "S")],
            table["AttributeDefinitions"]!.AsArray().Select(a => (a!["AttributeName"]!.GetValue<string>(), a["AttributeType"]!.GetValue<string>())));
        Assert.Equal(app.LogicalId(app.Main.Stack.Enrichment.Key), Template.ReferencedId(table["SSESpecification"]!["KMSMasterKeyId"]));
        Assert.True(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Tables_ByDefault_AreRetainedAndProtectedFromDeletion()
    {
        foreach (var table in app.Main.Template.OfType("AWS::DynamoDB::Table"))
        {
            Assert.Equal("Retain", table.Json["DeletionPolicy"]!.GetValue<string>());
            Assert.True(table.Properties["DeletionProtectionEnabled"]!.GetValue<bool>(), table.ToString());
        }
    }

    [Fact]
    public void Tables_WhenRetainDataIsFalse_AreDeletedWithTheStack()
    {
        var disposable = app.Variant("disposable", new Dictionary<string, object> { [ContextKeys.RetainData] = false });

        foreach (var table in disposable.Template.OfType("AWS::DynamoDB::Table"))
        {
            Assert.Equal("Delete", table.Json["DeletionPolicy"]!.GetValue<string>());
            Assert.False(table.Properties["DeletionProtectionEnabled"]?.GetValue<bool>() ?? false, table.ToString());
        }
    }

    private static List<(string, string)> Keys(IEnumerable<SdkModel.KeySchemaElement> keys) =>
        [.. keys.Select(k => (k.AttributeName, k.KeyType.Value))];

    private static List<(string, string)> Keys(JsonArray keys) =>
        [.. keys.Select(k => (k!["AttributeName"]!.GetValue<string>(), k["KeyType"]!.GetValue<string>()))];
}
