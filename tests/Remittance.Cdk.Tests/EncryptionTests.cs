using Remittance.Cdk.Tests.Support;

namespace Remittance.Cdk.Tests;

/// <summary>Every table, queue and topic is encrypted with a customer-managed key that rotates.</summary>
[Collection(SynthCollection.Name)]
public sealed class EncryptionTests(SynthesizedApp app)
{
    private HashSet<string?> KeyIds => [.. app.Main.Template.OfType("AWS::KMS::Key").Select(k => k.LogicalId)];

    [Fact]
    public void EveryTable_IsEncryptedWithACustomerManagedKey()
    {
        var tables = app.Main.Template.OfType("AWS::DynamoDB::Table").ToList();

        Assert.Equal(3, tables.Count);
        Assert.All(tables, table =>
        {
            Assert.Equal("KMS", table.Properties["SSESpecification"]?["SSEType"]?.GetValue<string>());
            Assert.Contains(Template.ReferencedId(table.Properties["SSESpecification"]!["KMSMasterKeyId"]), KeyIds);
        });
    }

    [Fact]
    public void EveryQueue_IsEncryptedWithACustomerManagedKey()
    {
        var queues = app.Main.Template.OfType("AWS::SQS::Queue").ToList();

        Assert.Equal(8, queues.Count);
        Assert.All(queues, queue => Assert.Contains(Template.ReferencedId(queue.Properties["KmsMasterKeyId"]), KeyIds));
    }

    [Fact]
    public void EveryTopic_IsEncryptedWithACustomerManagedKey()
    {
        var topics = app.Main.Template.OfType("AWS::SNS::Topic").ToList();

        Assert.Equal(3, topics.Count);
        Assert.All(topics, topic => Assert.Contains(Template.ReferencedId(topic.Properties["KmsMasterKeyId"]), KeyIds));
    }

    [Fact]
    public void EveryKey_RotatesAndHasAnAlias()
    {
        var keys = app.Main.Template.OfType("AWS::KMS::Key").ToList();
        var aliased = app.Main.Template.OfType("AWS::KMS::Alias").Select(a => Template.ReferencedId(a.Properties["TargetKeyId"])).ToHashSet();

        Assert.Equal(3, keys.Count);
        Assert.All(keys, key =>
        {
            Assert.True(key.Properties["EnableKeyRotation"]!.GetValue<bool>(), key.ToString());
            Assert.Contains(key.LogicalId, aliased);
        });
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void ServiceResources_UseTheServicesOwnKey(string service)
    {
        var pattern = app.Service(service);
        var key = app.LogicalId(pattern.Key);
        var queues = new[] { pattern.IngestQueue, pattern.IngestDeadLetterQueue, pattern.StreamFailureQueue, pattern.StatusDeadLetterQueue };

        Assert.All(queues, q => Assert.Equal(key, Template.ReferencedId(app.Main.Template[app.LogicalId(q)].Properties["KmsMasterKeyId"])));
        Assert.All(pattern.Topics.Values, t => Assert.Equal(key, Template.ReferencedId(app.Main.Template[app.LogicalId(t)].Properties["KmsMasterKeyId"])));
    }

    [Fact]
    public void Template_HoldsNoSecrets()
    {
        var json = app.Main.Template.Json;

        Assert.DoesNotContain(app.Main.Template.Resources, r => r.Type.StartsWith("AWS::SecretsManager::", StringComparison.Ordinal));
        Assert.All(json["Parameters"]?.AsObject() ?? [], p => Assert.Equal("BootstrapVersion", p.Key));
        foreach (var function in app.Main.Template.OfType("AWS::Lambda::Function"))
        {
            var variables = function.Properties["Environment"]!["Variables"]!.AsObject();
            Assert.All(variables, v => Assert.StartsWith("REMITTANCE_", v.Key, StringComparison.Ordinal));
            Assert.DoesNotContain(variables, v => v.Key.Contains("SECRET", StringComparison.Ordinal) || v.Key.Contains("PASSWORD", StringComparison.Ordinal));
        }
    }
}
