using System.Collections.Concurrent;

namespace Remittance.DynamoDbLocal.Processes;

/// <summary>
/// Stops what was started when the host process exits normally without disposing it (a CLI returning early).
/// Since .NET 10 a console app gets no ProcessExit on SIGTERM, and no process gets anything on SIGKILL: the
/// stdin watchdogs of <see cref="Hosting.JarInstance"/> and <see cref="Hosting.DockerInstance"/> cover those.
/// </summary>
internal static class ProcessReaper
{
    private static readonly ConcurrentDictionary<long, Action> s_cleanups = new();
    private static long s_lastToken;

    static ProcessReaper() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RunAll();

    public static long Register(Action cleanup)
    {
        var token = Interlocked.Increment(ref s_lastToken);
        s_cleanups[token] = cleanup;
        return token;
    }

    public static void Unregister(long token) => s_cleanups.TryRemove(token, out _);

    private static void RunAll()
    {
        foreach (var token in s_cleanups.Keys)
        {
            if (!s_cleanups.TryRemove(token, out var cleanup))
            {
                continue;
            }

            try
            {
                cleanup();
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
            {
                // The process is exiting: there is nobody left to report to but stderr.
                Console.Error.WriteLine($"DynamoDB Local: clean-up at exit failed: {e.Message}");
            }
        }
    }
}
