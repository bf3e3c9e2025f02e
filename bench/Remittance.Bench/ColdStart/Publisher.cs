using System.Diagnostics;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// Runs <c>dotnet publish</c> for a cold-start variant. Each variant gets its own artifacts path, so its bin/obj are
/// apart from the other variants' (same project, other properties) and from builds other people run in the tree;
/// an unchanged variant republishes incrementally in seconds.
/// </summary>
public static class Publisher
{
    public static async Task<string> PublishAsync(string repositoryRoot, ColdStartBuild build, string outputRoot, Action<string> log, CancellationToken ct)
    {
        var (name, project, arguments) = (build.Name, build.Project, build.Properties);
        var output = build.Directory(outputRoot);
        var artifacts = Path.Combine(outputRoot, "artifacts", name);

        // A clean output folder (files an earlier publish left behind would otherwise be measured too), and no kept
        // publish dependency file: the SDK regenerates it only when references change, not when trimming keeps other
        // assemblies, so a stale one leaves an assembly the code now needs out of the app's list (FileNotFoundException).
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        foreach (var stale in Directory.Exists(Path.Combine(artifacts, "obj"))
                     ? Directory.EnumerateFiles(Path.Combine(artifacts, "obj"), "*.deps.json", SearchOption.AllDirectories)
                     : [])
        {
            File.Delete(stale);
        }

        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "--artifacts-path", artifacts, .. arguments])
        {
            startInfo.ArgumentList.Add(argument);
        }

        log($"coldstart: publishing {name}: dotnet {string.Join(' ', startInfo.ArgumentList.Skip(1).Take(1).Concat(arguments))}");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            var text = (await stdout) + (await stderr);
            throw new InvalidOperationException($"dotnet publish {project} failed ({process.ExitCode}):\n{string.Join('\n', text.Split('\n').TakeLast(30))}");
        }

        log($"coldstart: published {name} in {clock.Elapsed.TotalSeconds:F0} s");
        return output;
    }

    /// <summary>A fresh copy of a published folder, whose page-cache state is then its own.</summary>
    public static string Copy(string source, string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy); // On Unix the copy gets the source's permissions: bootstrap stays executable.
        }

        return target;
    }
}
