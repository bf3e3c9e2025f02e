using System.Diagnostics;
using System.Text.Json;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// The function project's own publish settings (evaluated by MSBuild for a linux-x64 Release publish), passed to the
/// hello-world runtime and the probe too, so "published the same way" stays true whatever src/Remittance.Functions
/// says today (ReadyToRun composite or not, trimming, feature switches).
/// </summary>
public sealed class PublishSettings
{
    /// <summary>The properties that decide how a runtime starts; each is passed on as -p:Name=Value when the project sets it.</summary>
    private static readonly string[] s_mirrored =
    [
        "SelfContained", "PublishReadyToRun", "PublishReadyToRunComposite", "PublishTrimmed", "TrimMode", "PublishAot",
        "TieredCompilation", "TieredPGO", "TieredCompilationQuickJitForLoops", "InvariantGlobalization", "UseSystemResourceKeys",
        "EventSourceSupport", "DebuggerSupport", "ServerGarbageCollection", "ConcurrentGarbageCollection", "PublishReadyToRunCrossgen2ExtraArgs",
    ];

    private readonly IReadOnlyDictionary<string, string> _values;

    private PublishSettings(IReadOnlyDictionary<string, string> values) => _values = values;

    public bool Composite => IsTrue("PublishReadyToRunComposite");

    /// <summary>-p:Name=Value for every mirrored property the project sets; <paramref name="overrides"/> replace values.</summary>
    public IReadOnlyList<string> Arguments(IReadOnlyDictionary<string, string>? overrides = null) =>
        [.. _values.Concat(overrides?.Where(o => !_values.ContainsKey(o.Key)) ?? [])
            .Select(p => $"-p:{p.Key}={overrides?.GetValueOrDefault(p.Key) ?? p.Value}")];

    public string Describe() => string.Join(", ", _values.Select(p => $"{p.Key}={p.Value}"));

    public static async Task<PublishSettings> ReadAsync(string repositoryRoot, string project, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["msbuild", project, "-p:Configuration=Release", "-p:RuntimeIdentifier=linux-x64", "-p:_IsPublishing=true",
                     .. s_mirrored.Select(p => "-getProperty:" + p)])
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
        var values = json.RootElement.GetProperty("Properties").EnumerateObject()
            .Where(p => p.Value.GetString() is { Length: > 0 })
            .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return new PublishSettings(values);
    }

    private bool IsTrue(string name) => _values.TryGetValue(name, out var value) && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
