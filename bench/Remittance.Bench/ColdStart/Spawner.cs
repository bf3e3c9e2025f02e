using System.Collections.Concurrent;
using System.Diagnostics;
using Remittance.Local.RuntimeApi;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// Starts a runtime process against a fresh local Runtime API with its first invocation already queued (as Lambda
/// has the event waiting when it starts a sandbox), and times process start → first /next → first response.
/// </summary>
public sealed class Spawner(IReadOnlyDictionary<string, string> environment)
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(60);

    /// <param name="linger">How long the process may live after its first response (so that what it printed is read).</param>
    public async Task<SpawnResult> SpawnAsync(ColdStartVariant variant, int spawn, CancellationToken ct, TimeSpan linger = default)
    {
        if (variant.ColdPageCache)
        {
            PageCache.Evict(variant.Directory);
        }

        var cached = PageCache.ResidentBytes(LambdaAsset.Files(variant.Directory).Select(f => f.FullName));
        await using var api = LocalRuntimeApi.Start(new LocalRuntimeApiOptions { PickupTimeout = s_limit, Timeout = s_limit });
        var invocation = api.Enqueue(variant.Payload(spawn));
        var startInfo = new ProcessStartInfo(variant.FileName)
        {
            WorkingDirectory = variant.Directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        // Lambda's environment, not the harness's: no DOTNET_/COMPlus_ knobs (dotnet run sets some) leak into the runtime.
        foreach (var key in startInfo.Environment.Keys.Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal)
                                                                  || k.StartsWith("COMPlus_", StringComparison.Ordinal)
                                                                  || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(key);
        }

        foreach (var (key, value) in environment.Concat(variant.Environment))
        {
            startInfo.Environment[key] = value;
        }

        startInfo.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        startInfo.Environment["LAMBDA_TASK_ROOT"] = variant.Directory;

        var output = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{variant.FileName} did not start.");
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var exited = process.WaitForExitAsync(ct);
            if (await Task.WhenAny(api.FirstPoll, exited, Task.Delay(s_limit, ct)) != api.FirstPoll)
            {
                throw new InvalidOperationException($"{variant.Name} never polled for an invocation:\n{string.Join('\n', output)}");
            }

            var firstPoll = clock.Elapsed;
            var result = await invocation.Completion.WaitAsync(s_limit, ct);
            var firstResponse = clock.Elapsed;
            var peak = ProcessMemory.PeakResidentBytes(process.Id);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"{variant.Name}: first invocation {result.Status}: {result.PayloadText}\n{string.Join('\n', output)}");
            }

            variant.Check(result.PayloadText);
            if (linger > TimeSpan.Zero)
            {
                await Task.Delay(linger, ct);
            }

            return new SpawnResult(variant.Name, firstPoll, firstResponse, peak, cached, [.. output]);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 40)
        {
            output.TryDequeue(out _);
        }
    }
}
