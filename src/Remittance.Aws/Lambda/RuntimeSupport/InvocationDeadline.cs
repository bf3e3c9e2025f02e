namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>When to cancel a handler: a safety margin before the deadline, but never more than half the time left.</summary>
internal static class InvocationDeadline
{
    public static TimeSpan CancelAfter(DateTimeOffset deadline, DateTimeOffset now, TimeSpan safetyMargin)
    {
        var remaining = deadline - now;
        if (remaining <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var margin = safetyMargin < TimeSpan.Zero ? TimeSpan.Zero : safetyMargin;
        var halfRemaining = remaining / 2;
        return remaining - (margin < halfRemaining ? margin : halfRemaining);
    }
}
