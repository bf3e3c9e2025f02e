using System.Globalization;
using Remittance.Pipeline.Storage;

namespace Remittance.IntegrationTests.Ingest;

public sealed class TimestampsTests
{
    [Fact]
    public void Format_WhenGivenAnyInstant_WritesWhatTheCustomFormatStringWrites()
    {
        var random = new Random(20261204);
        DateTimeOffset[] edges =
        [
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new(2026, 11, 21, 10, 15, 0, 999, TimeSpan.Zero),
            new(999, 1, 2, 3, 4, 5, 6, TimeSpan.FromHours(-5)), new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.FromHours(14)).AddTicks(9_999_999),
        ];
        var instants = edges.Concat(Enumerable.Range(0, 5000).Select(_ =>
            new DateTimeOffset(random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay),
                TimeSpan.FromMinutes(random.Next(-14 * 60, (14 * 60) + 1)))));

        foreach (var instant in instants)
        {
            Assert.Equal(instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), Timestamps.Format(instant));
        }
    }
}
