namespace Remittance.Bench.Support;

/// <summary>
/// Runs two variants in alternating pairs, A B | B A | A B …, so a drift in machine load over the run (other builds
/// starting and stopping) falls on both alike; a pair's ratio compares two trials taken seconds apart.
/// </summary>
public static class Trials
{
    public static async Task<IReadOnlyList<(TA A, TB B)>> AlternateAsync<TA, TB>(
        int pairs,
        Func<int, Task<TA>> runA,
        Func<int, Task<TB>> runB,
        Action<string> log)
    {
        var results = new List<(TA, TB)>();
        for (var pair = 0; pair < pairs; pair++)
        {
            TA a;
            TB b;
            if (pair % 2 == 0)
            {
                a = await runA(pair);
                b = await runB(pair);
            }
            else
            {
                b = await runB(pair);
                a = await runA(pair);
            }

            log($"  pair {pair + 1}/{pairs}: A {a}, B {b}");
            results.Add((a, b));
        }

        return results;
    }
}
