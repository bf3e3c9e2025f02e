using System.Diagnostics;
using System.Text.Json;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// The function project's own publish settings (evaluated by MSBuild for a linux-x64 Release publish), passed to the
/// hello-world runtime and the probe too, so "published the same way" stays true whatever src/Remittance.Functions
/// says today (Native AOT and its instruction set, trimming, feature switches). Only the properties of the compiler
/// the project uses are mirrored: ReadyToRun and tiering settings mean nothing to a Native AOT build, and the
/// IL compiler's settings nothing to a ReadyToRun one.
/// </summary>
public sealed class PublishSettings
{
    private static readonly string[] s_common =
    [
        "SelfContained", "PublishTrimmed", "TrimMode", "InvariantGlobalization", "UseSystemResourceKeys", "EventSourceSupport",
        "DebuggerSupport", "ServerGarbageCollection", "ConcurrentGarbageCollection",
    ];

    private static readonly string[] s_nativeAot =
    [
        "PublishAot", "IlcInstructionSet", "StripSymbols", "OptimizationPreference", "IlcGenerateStackTraceData", "IlcFoldIdenticalMethodBodies",
    ];

    private static readonly string[] s_readyToRun =
    [
        "PublishReadyToRun", "PublishReadyToRunComposite", "PublishReadyToRunCrossgen2ExtraArgs", "TieredCompilation", "TieredPGO",
        "TieredCompilationQuickJitForLoops",
    ];

    private readonly IReadOnlyDictionary<string, string> _values;

    private PublishSettings(IReadOnlyDictionary<string, string> values) => _values = values;

    public bool NativeAot => _values.TryGetValue("PublishAot", out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>-p:Name=Value for every mirrored property the project sets; <paramref name="overrides"/> replace values or add properties.</summary>
    public IReadOnlyList<string> Arguments(IReadOnlyDictionary<string, string>? overrides = null) =>
        Format(_values.Where(p => overrides?.ContainsKey(p.Key) != true).Concat(overrides ?? new Dictionary<string, string>()));

    public string Describe() => string.Join(", ", _values.Select(p => $"{p.Key}={p.Value}"));

    /// <summary>Properties as MSBuild global properties (an empty value unsets what the project file sets).</summary>
    public static IReadOnlyList<string> Format(IEnumerable<KeyValuePair<string, string>> properties) =>
        [.. properties.Select(p => $"-p:{p.Key}={p.Value}")];

    public static async Task<PublishSettings> ReadAsync(string repositoryRoot, string project, CancellationToken ct)
    {
        var all = await ReadAsync(repositoryRoot, project, [.. s_common, .. s_nativeAot, .. s_readyToRun], ct);
        var nativeAot = all.TryGetValue("PublishAot", out var aot) && string.Equals(aot, "true", StringComparison.OrdinalIgnoreCase);
        var ignored = nativeAot ? s_readyToRun : s_nativeAot;
        return new PublishSettings(all.Where(p => !ignored.Contains(p.Key)).ToDictionary(StringComparer.Ordinal));
    }

    private static async Task<Dictionary<string, string>> ReadAsync(string repositoryRoot, string project, string[] properties, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["msbuild", project, "-p:Configuration=Release", "-p:RuntimeIdentifier=linux-x64", "-p:_IsPublishing=true",
                     .. properties.Select(p => "-getProperty:" + p)])
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet msbuild {project} -getProperty failed ({process.ExitCode}): {await stdout}{await stderr}");
        }

        using var json = JsonDocument.Parse(await stdout);
        return json.RootElement.GetProperty("Properties").EnumerateObject()
            .Where(p => p.Value.GetString() is { Length: > 0 })
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }
}
