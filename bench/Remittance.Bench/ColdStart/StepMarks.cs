using System.Globalization;
using Remittance.Bench.Support;
using static Remittance.Bench.Support.Formatting;

namespace Remittance.Bench.ColdStart;

/// <summary>The probe's stopwatch marks inside the function's init and first ingest (<c>probe-step\t&lt;ms&gt;\t&lt;mark&gt;</c> lines), one list per spawn.</summary>
public static class StepMarks
{
    public static IReadOnlyList<(string Step, double Milliseconds)> Parse(IReadOnlyList<string> output)
    {
        var steps = output.Where(l => l.StartsWith("probe-step\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (p[2], double.Parse(p[1], CultureInfo.InvariantCulture)))
            .ToList();
        return steps.Count > 0 ? steps : throw new InvalidOperationException("The steps probe printed no marks:\n" + string.Join('\n', output));
    }

    /// <summary>One table, the builds side by side (each: ms since Main, and since the previous mark); all must print the same marks.</summary>
    public static MarkdownTable Table(IReadOnlyList<(string Build, IReadOnlyList<IReadOnlyList<(string Step, double Milliseconds)>> Runs)> builds)
    {
        var table = new MarkdownTable([
            "mark (in process order)",
            .. builds.SelectMany(b => (string[])[$"{b.Build}: ms since Main, median", $"{b.Build}: ms since the previous mark, median (min–max)"]),
        ]);
        var first = builds[0].Runs[0];
        for (var i = 0; i < first.Count; i++)
        {
            var index = i;
            table.Row([
                first[index].Step,
                .. builds.SelectMany(b => (string[])[
                    F(Stats.Median(b.Runs.Select(r => r[index].Milliseconds)), 1),
                    index == 0 ? "–" : Stats.Of(b.Runs.Select(r => r[index].Milliseconds - r[index - 1].Milliseconds)).Format("F1"),
                ]),
            ]);
        }

        return table;
    }
}
