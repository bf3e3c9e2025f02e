using Remittance.Aws.Lambda.RuntimeSupport;

namespace Remittance.Aws.Tests.Lambda;

public sealed class InvocationDeadlineTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 10, 15, 0, TimeSpan.Zero);

    [Fact]
    public void CancelAfter_WithTimeToSpare_KeepsTheWholeMargin() =>
        Assert.Equal(TimeSpan.FromSeconds(29), InvocationDeadline.CancelAfter(s_now.AddSeconds(30), s_now, TimeSpan.FromSeconds(1)));

    [Fact]
    public void CancelAfter_WhenLessThanTwiceTheMarginIsLeft_KeepsHalfForTheHandler() =>
        Assert.Equal(TimeSpan.FromMilliseconds(600), InvocationDeadline.CancelAfter(s_now.AddMilliseconds(1200), s_now, TimeSpan.FromSeconds(1)));

    [Fact]
    public void CancelAfter_WhenTheDeadlinePassed_CancelsAtOnce() =>
        Assert.Equal(TimeSpan.Zero, InvocationDeadline.CancelAfter(s_now.AddSeconds(-1), s_now, TimeSpan.FromSeconds(1)));

    [Fact]
    public void CancelAfter_WithNegativeMargin_CancelsAtTheDeadline() =>
        Assert.Equal(TimeSpan.FromSeconds(5), InvocationDeadline.CancelAfter(s_now.AddSeconds(5), s_now, TimeSpan.FromSeconds(-3)));
}
