using Remittance.Cost.Metering;
using Remittance.Cost.Pricing;

namespace Remittance.Cost.Tests;

/// <summary>The dollar arithmetic, against numbers worked out by hand.</summary>
public sealed class PricingTests
{
    [Fact]
    public void Cost_OfAUsage_IsEachQuantityTimesItsUnitPrice()
    {
        var usage = new Usage(DynamoDbRequests: 5, WriteUnits: 7, IndexWriteUnits: 1, IndexEntryChanges: 1, ReadUnits: 0.5m, StateTransitions: 6,
            LambdaInvocations: 2, LambdaGbSeconds: 0.02m, SqsRequests: 2.5m, SnsPublishes: 2, StepFunctionsApiCalls: 3);

        var perMillion = usage.Cost(UnitPrices.UsEast1).Times(1_000_000m);

        Assert.Equal(5.000m, perMillion.DynamoDbWrites);      // 8 WRU × $0.625
        Assert.Equal(0.0625m, perMillion.DynamoDbReads);      // 0.5 RRU × $0.125
        Assert.Equal(150m, perMillion.StepFunctions);         // 6 × $25
        Assert.Equal(0.40m, perMillion.LambdaRequests);       // 2 × $0.20
        Assert.Equal(0.333334m, perMillion.LambdaDuration);   // 0.02 GB-s × $0.0000166667 × 1,000,000
        Assert.Equal(1.00m, perMillion.Sqs);                  // 2.5 × $0.40
        Assert.Equal(1.00m, perMillion.Sns);                  // 2 × $0.50
        Assert.Equal(157.795834m, perMillion.Total);
    }

    [Fact]
    public void Arm64_PricesTheSameGbSecondsTwentyPercentLower_AndRequestsTheSame()
    {
        var usage = Usage.Zero with { LambdaInvocations = 2, LambdaGbSeconds = 0.03m };

        var x86 = usage.Cost(UnitPrices.UsEast1For(LambdaArchitecture.X86_64)).Times(1_000_000m);
        var arm = usage.Cost(UnitPrices.UsEast1For(LambdaArchitecture.Arm64)).Times(1_000_000m);

        Assert.Equal(0.500001m, x86.LambdaDuration);          // 0.03 GB-s × $0.0000166667 × 1,000,000
        Assert.Equal(0.400002m, arm.LambdaDuration);          // 0.03 GB-s × $0.0000133334 × 1,000,000
        Assert.Equal(x86.LambdaRequests, arm.LambdaRequests);
        Assert.Equal(0.8m, Math.Round(arm.LambdaDuration / x86.LambdaDuration, 4));
        Assert.Equal(UnitPrices.UsEast1, UnitPrices.UsEast1For(LambdaArchitecture.X86_64));
    }

    [Fact]
    public void Cost_UsesTheGivenPrices()
    {
        var usage = Usage.Zero with { StateTransitions = 3, WriteUnits = 2 };

        var cost = usage.Cost(new UnitPrices { StateTransitionsPerMillion = 10m, WriteRequestUnitsPerMillion = 1m });

        Assert.Equal(0.000032m, cost.Total);
    }

    [Fact]
    public void Lambda_IsBilledPerStartedMillisecondTimesMemory()
    {
        var usage = new UsageBuilder(LambdaMemory.Deployed);
        usage.AddLambda(MeteredFunction.Workflow, TimeSpan.FromMilliseconds(10.2)); // 11 ms
        usage.AddLambda(MeteredFunction.Workflow, TimeSpan.FromMilliseconds(0.1));  // 1 ms
        usage.AddLambda(MeteredFunction.Stream, TimeSpan.FromMilliseconds(4));      // 4 ms at 256 MB

        var total = usage.Total();

        Assert.Equal(3, total.LambdaInvocations);
        // (11 + 1) ms × 0.5 GB + 4 ms × 0.25 GB = 0.006 + 0.001 GB-s.
        Assert.Equal(0.007m, total.LambdaGbSeconds);
        var workflow = Assert.Single(usage.Lambda(remittances: 2), l => l.Function == "workflow");
        Assert.Equal((512, 1m, 6m, 0.003m), (workflow.MemoryMb, workflow.InvocationsPerRemittance, workflow.MeanBilledMs, workflow.GbSecondsPerRemittance));
    }

    [Fact]
    public void Sqs_AndSns_AreBilledPerStarted64Kilobytes()
    {
        var usage = new UsageBuilder(LambdaMemory.Deployed);
        usage.AddQueueRequest(new QueueRequest("s", QueueAction.Send, 1, 100));
        usage.AddQueueRequest(new QueueRequest("s", QueueAction.Receive, 10, 64 * 1024));
        usage.AddQueueRequest(new QueueRequest("s", QueueAction.Receive, 10, (64 * 1024) + 1));
        usage.AddQueueRequest(new QueueRequest("s", QueueAction.Delete, 10, 0));
        usage.AddPublication(new Publication("s", "Enriched", "r", 1));
        usage.AddPublication(new Publication("s", "Enriched", "r", 200 * 1024));

        Assert.Equal((5m, 5m), (usage.Total().SqsRequests, usage.Total().SnsPublishes));
    }

    [Fact]
    public void LambdaMemory_ParsesChangesAndRefusesUnknownFunctions()
    {
        Assert.Equal(LambdaMemory.Deployed with { WorkflowMb = 1024, StreamMb = 128 }, LambdaMemory.Parse("workflow=1024, stream=128"));
        Assert.Equal(LambdaMemory.Deployed, LambdaMemory.Parse(null));
        Assert.Throws<FormatException>(() => LambdaMemory.Parse("router=512"));
        Assert.Throws<FormatException>(() => LambdaMemory.Parse("workflow=64"));
    }
}
