using Remittance.Local.Faults;

namespace Remittance.IntegrationTests.LocalRun;

public sealed class FaultPlanTests
{
    [Theory]
    [InlineData("enrich=1.5", "between 0 and 1")]
    [InlineData("enrich", "point=probability")]
    [InlineData("billing=0.1", "points are")]
    [InlineData("enrich=0.1,enrich=0.2", "given twice")]
    [InlineData("enrich=abc", "not a probability")]
    public void Parse_WhenPlanIsWrong_SaysWhatIsAllowed(string text, string expected)
    {
        var failure = Assert.Throws<FormatException>(() => FaultPlan.Parse(text, 7));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShouldFail_WithTheSameSeed_DrawsTheSameFaults_WhateverTheOrderOfTheDraws()
    {
        var first = FaultPlan.Parse("enrich=0.3,publish=0.1", 7);
        var second = FaultPlan.Parse("enrich=0.3,publish=0.1", 7);
        var draws = Enumerable.Range(0, 200).SelectMany(i => Enumerable.Range(0, 3).Select(attempt => (Point: i % 2 == 0 ? "enrich" : "publish", Key: $"request-{i}", attempt))).ToList();

        var inOrder = draws.ToDictionary(d => d, d => first.ShouldFail(d.Point, d.Key));
        // The same draws from concurrent workers, keys interleaved differently; each key's own attempts stay in order.
        var concurrent = new System.Collections.Concurrent.ConcurrentDictionary<(string, string, int), bool>();
        Parallel.ForEach(draws.GroupBy(d => d.Key).Reverse(), new ParallelOptions { MaxDegreeOfParallelism = 8 }, group =>
        {
            foreach (var d in group)
            {
                concurrent[d] = second.ShouldFail(d.Point, d.Key);
            }
        });

        Assert.All(draws, d => Assert.Equal(inOrder[d], concurrent[d]));
        Assert.Equal(first.Injected, second.Injected);
        Assert.InRange(first.Injected["enrich"], 60, 120); // 300 draws at 0.3
        Assert.False(first.ShouldFail("dynamodb", "request-0"));
    }

    [Fact]
    public void ShouldFail_WithAnotherSeed_DrawsOtherFaults()
    {
        var seven = FaultPlan.Parse("enrich=0.5", 7);
        var eight = FaultPlan.Parse("enrich=0.5", 8);

        var a = Enumerable.Range(0, 100).Select(i => seven.ShouldFail("enrich", $"request-{i}")).ToList();
        var b = Enumerable.Range(0, 100).Select(i => eight.ShouldFail("enrich", $"request-{i}")).ToList();

        Assert.NotEqual(a, b);
    }

    [Fact]
    public void ShouldFail_ForTheSameKeyAgain_DrawsAnew_SoARetryCanSucceed()
    {
        var plan = FaultPlan.Parse("enrich=0.5", 7);

        var attempts = Enumerable.Range(0, 50).Select(i => Enumerable.Range(0, 4).Select(_ => plan.ShouldFail("enrich", $"request-{i}")).ToList()).ToList();

        Assert.Contains(attempts, a => a.Contains(true) && a.Contains(false));
    }

    [Fact]
    public void DynamoDbRequestKey_NamesTheOperationAndRequestId_NotTimestampsOrGeneratedIds()
    {
        const string Target = "DynamoDB_20120810.PutItem";
        var early = FaultKeys.OfDynamoDbRequest(Target, """{"Item":{"createdAt":{"S":"2026-12-02T10:00:00Z"},"requestId":{"S":"acme-1"}},"TableName":"t"}""");
        var late = FaultKeys.OfDynamoDbRequest(Target, """{"Item":{"createdAt":{"S":"2026-12-02T11:30:00Z"},"requestId":{"S":"acme-1"}},"TableName":"t"}""");
        var invoices = FaultKeys.OfDynamoDbRequest("DynamoDB_20120810.BatchGetItem", """{"RequestItems":{"inv":{"Keys":[{"invoiceId":{"S":"INV-9"}}]}}}""");
        var scan = FaultKeys.OfDynamoDbRequest("DynamoDB_20120810.Scan", """{"IndexName":"retry-index","TableName":"t"}""");
        var bySqsMessageId = FaultKeys.OfDynamoDbRequest("DynamoDB_20120810.UpdateItem", """{"Key":{"requestId":{"S":"REJECTED#sqs:5f0c2a9e-1b7d-4c3e-9a61-2d8f4e7b6c10"}},"TableName":"t"}""");

        Assert.Equal("PutItem requestId=acme-1", early);
        Assert.Equal(early, late);
        Assert.Equal("BatchGetItem invoiceId=INV-9", invoices);
        Assert.Equal("Scan", scan);
        Assert.Equal("UpdateItem", bySqsMessageId);
    }
}
