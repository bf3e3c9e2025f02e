using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// What the runtime compiled just in time during a spawn, read from an EventPipe trace (runtime JIT + loader
/// keywords). With ReadyToRun, every method JIT-compiled before the first response is start-up time R2R did not save.
/// </summary>
public sealed record JitTrace(
    int MethodsJitted,
    double JitMilliseconds,
    int AssembliesLoaded,
    IReadOnlyList<(string Group, int Methods, double Milliseconds)> Groups,
    IReadOnlyList<string> Listing)
{
    /// <summary>Environment that makes a .NET process write the trace this reads.</summary>
    public static Dictionary<string, string> Environment(string path) => new()
    {
        ["DOTNET_EnableEventPipe"] = "1",
        ["DOTNET_EventPipeOutputPath"] = path,
        ["DOTNET_EventPipeOutputStreaming"] = "1",
        // JIT (0x10) and Loader (0x8) keywords at verbose level: MethodJittingStarted, MethodLoadVerbose, AssemblyLoad.
        ["DOTNET_EventPipeConfig"] = "Microsoft-Windows-DotNETRuntime:0x18:5",
    };

    /// <param name="path">The .nettrace file.</param>
    /// <param name="until">Only methods compiled this long after the trace began (the spawn's first response) count.</param>
    public static JitTrace Read(string path, TimeSpan until)
    {
        var started = new Dictionary<long, double>();
        var methods = new List<(string Group, double Milliseconds)>();
        var listing = new List<string>();
        var assemblies = 0;
        using (var source = new EventPipeEventSource(path))
        {
            source.Clr.MethodJittingStarted += e => started[e.MethodID] = e.TimeStampRelativeMSec;
            source.Clr.MethodLoadVerbose += e =>
            {
                if (started.Remove(e.MethodID, out var start) && e.TimeStampRelativeMSec <= until.TotalMilliseconds
                    && e.OptimizationTier is not OptimizationTier.OptimizedTier1 and not OptimizationTier.OptimizedTier1OSR)
                {
                    methods.Add((Group(e.MethodNamespace), e.TimeStampRelativeMSec - start));
                    listing.Add(FormattableString.Invariant($"{e.TimeStampRelativeMSec,9:F1} ms  jit {e.TimeStampRelativeMSec - start,6:F2} ms  {e.OptimizationTier,-12} {e.MethodNamespace}::{e.MethodName}"));
                }
            };
            source.Clr.LoaderAssemblyLoad += e =>
            {
                assemblies++;
                listing.Add(FormattableString.Invariant($"{e.TimeStampRelativeMSec,9:F1} ms  load {e.FullyQualifiedAssemblyName}"));
            };
            try
            {
                source.Process();
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidOperationException or FormatException)
            {
                // The process was killed after its first response: the trace may end mid-block; what was read counts.
            }
        }

        var groups = methods.GroupBy(m => m.Group)
            .Select(g => (g.Key, g.Count(), g.Sum(m => m.Milliseconds)))
            .OrderByDescending(g => g.Item3)
            .ToList();
        return new JitTrace(methods.Count, methods.Sum(m => m.Milliseconds), assemblies, groups, listing);
    }

    // "Amazon.Runtime.Internal.Util.Foo" → "Amazon.Runtime"; generic instantiations keep their outer type's namespace.
    private static string Group(string methodNamespace)
    {
        var name = methodNamespace.Split('[', '`', '<')[0];
        var parts = name.Split('.');
        return parts.Length <= 2 ? name : string.Join('.', parts.Take(parts[0] == "System" ? 3 : 2));
    }
}
