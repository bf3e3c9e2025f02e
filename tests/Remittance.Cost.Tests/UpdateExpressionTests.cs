using Amazon.DynamoDBv2.Model;
using Remittance.Cost.Metering;
using Remittance.Workflows.Definition;

namespace Remittance.Cost.Tests;

/// <summary>The meter's reading of update expressions: the item after a write, without asking DynamoDB.</summary>
public sealed class UpdateExpressionTests
{
    private static readonly Dictionary<string, AttributeValue> s_key = new() { ["requestId"] = new AttributeValue { S = "r-1" } };

    [Fact]
    public void Apply_SuccessUpdate_SetsTheResultIncrementsTheVersionAndClearsTheSparseAttributes()
    {
        var before = new Dictionary<string, AttributeValue>
        {
            ["requestId"] = new() { S = "r-1" },
            ["status"] = new() { S = "RUNNING" },
            ["versionId"] = new() { N = "4" },
            ["runningJob"] = new() { S = "r-1" },
            ["lastError"] = new() { M = new() { ["error"] = new AttributeValue { S = "x" } } },
        };

        var after = UpdateExpression.Apply(before, s_key, SuccessUpdate.UpdateExpression, SuccessUpdate.Names("enriched"), new Dictionary<string, AttributeValue>
        {
            [":status"] = new() { S = "ENRICHED" },
            [":result"] = new() { S = "{}" },
            [":now"] = new() { S = "2026-01-01T00:00:00Z" },
            [":one"] = new() { N = "1" },
        });

        Assert.Equal("ENRICHED", after["status"].S);
        Assert.Equal("5", after["versionId"].N);
        Assert.Equal("{}", after["enriched"].S);
        Assert.False(after.ContainsKey("runningJob"));
        Assert.False(after.ContainsKey("lastError"));
        Assert.Equal("4", before["versionId"].N);
    }

    [Fact]
    public void Apply_IfNotExistsAndAdd_CreateTheItemAndGrowTheSet()
    {
        const string expression = "SET #first = if_not_exists(#first, :now), #version = if_not_exists(#version, :zero) + :one ADD #mids :mid";
        var names = new Dictionary<string, string> { ["#first"] = "firstSeenAt", ["#version"] = "versionId", ["#mids"] = "sqsMessageIds" };
        Dictionary<string, AttributeValue> Values(string now, string mid) => new()
        {
            [":now"] = new() { S = now },
            [":zero"] = new() { N = "0" },
            [":one"] = new() { N = "1" },
            [":mid"] = new() { SS = [mid] },
        };

        var created = UpdateExpression.Apply(null, s_key, expression, names, Values("t1", "m1"));
        var updated = UpdateExpression.Apply(created, s_key, expression, names, Values("t2", "m2"));

        Assert.Equal(("t1", "1", 1), (created["firstSeenAt"].S, created["versionId"].N, created["sqsMessageIds"].SS.Count));
        Assert.Equal(("t1", "2"), (updated["firstSeenAt"].S, updated["versionId"].N));
        Assert.Equal(["m1", "m2"], updated["sqsMessageIds"].SS.Order());
    }

    [Fact]
    public void Apply_RemoveAndDelete_TakeAttributesAndSetMembersAway()
    {
        var before = new Dictionary<string, AttributeValue>
        {
            ["requestId"] = new() { S = "r-1" },
            ["tags"] = new() { SS = ["a", "b"] },
            ["retryJob"] = new() { S = "r-1" },
        };

        var after = UpdateExpression.Apply(before, s_key, "REMOVE retryJob DELETE tags :a", new Dictionary<string, string>(),
            new Dictionary<string, AttributeValue> { [":a"] = new() { SS = ["a"] } });

        Assert.Equal(["b"], after["tags"].SS);
        Assert.False(after.ContainsKey("retryJob"));
    }

    [Fact]
    public void Apply_NestedPath_IsRefusedRatherThanPricedWrongly() =>
        Assert.Throws<NotSupportedException>(() => UpdateExpression.Apply(null, s_key, "SET #m.inner = :v",
            new Dictionary<string, string> { ["#m"] = "message" }, new Dictionary<string, AttributeValue> { [":v"] = new() { S = "x" } }));
}
