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
    public void ShouldFail_WithTheSameSeed_DrawsTheSameFaults()
    {
        var first = FaultPlan.Parse("enrich=0.3,publish=0.1", 7);
        var second = FaultPlan.Parse("enrich=0.3,publish=0.1", 7);

        var a = Enumerable.Range(0, 200).Select(i => first.ShouldFail(i % 2 == 0 ? "enrich" : "publish")).ToList();
        var b = Enumerable.Range(0, 200).Select(i => second.ShouldFail(i % 2 == 0 ? "enrich" : "publish")).ToList();

        Assert.Equal(a, b);
        Assert.InRange(first.Injected["enrich"], 15, 45);
        Assert.False(first.ShouldFail("dynamodb"));
    }
}
