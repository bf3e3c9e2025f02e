using Remittance.IntegrationTests.Sweeping;
using Remittance.Pipeline.Observability;

namespace Remittance.IntegrationTests.Observability;

/// <summary>Log lines are queried by field name in CloudWatch Logs Insights: their shape is a contract.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public void Info_WhenGivenFieldsOfEveryKind_WritesOneJsonLineWithThemInOrder()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var log = new JsonLog(output, new ManualTimeProvider());

        log.Info("ingest.processed", ("messageId", "m-1"), ("requestId", "réq \"1\"\n"), ("key", null), ("outcome", "Accepted"),
            ("codes", Array.Empty<string>()), ("count", 3), ("big", 5_000_000_000L), ("ratio", 0.5), ("transient", true),
            ("list", new[] { "A", "B" }), ("other", IngestOutcomeLike.Conflict));
        log.Warn("w", ("codes", (IEnumerable<string>)["X"]));
        log.Debug("hidden");

        Assert.Equal(
            "{\"time\":\"2026-11-20T09:00:00.000Z\",\"level\":\"INFO\",\"event\":\"ingest.processed\",\"messageId\":\"m-1\"," +
            "\"requestId\":\"réq \\\"1\\\"\\n\",\"key\":null,\"outcome\":\"Accepted\",\"codes\":[],\"count\":3,\"big\":5000000000," +
            "\"ratio\":0.5,\"transient\":true,\"list\":[\"A\",\"B\"],\"other\":\"Conflict\"}\n" +
            "{\"time\":\"2026-11-20T09:00:00.000Z\",\"level\":\"WARN\",\"event\":\"w\",\"codes\":[\"X\"]}\n",
            output.ToString());
    }

    [Fact]
    public void Write_WhenCalledFromManyThreads_KeepsEveryLineWhole()
    {
        using var output = new StringWriter { NewLine = "\n" };
        var log = new JsonLog(output, new ManualTimeProvider(), LogLevel.Debug);

        Parallel.For(0, 2000, i => log.Error("e", ("i", i), ("pad", new string('x', i % 300))));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2000, lines.Length);
        Assert.All(lines, line => Assert.Matches("^\\{\"time\":\"[^\"]+\",\"level\":\"ERROR\",\"event\":\"e\",\"i\":[0-9]+,\"pad\":\"x*\"\\}$", line));
    }

    private enum IngestOutcomeLike
    {
        Conflict,
    }
}
