using System.Xml.Linq;

namespace Remittance.Local.Lambda;

/// <summary>
/// Finds the published function binary (<c>bootstrap</c>, linux-x64), publishing it first when it is missing or
/// older than its sources, with the same <c>dotnet publish</c> the CDK app runs (FunctionsBundle), into the same folder.
/// </summary>
public static class FunctionsBinary
{
    public const string ExecutableName = "bootstrap";

    public const string RuntimeIdentifier = "linux-x64";

    /// <summary>The variable the CDK app also reads: a folder published earlier, taken as it is.</summary>
    public const string PublishDirectoryVariable = "REMITTANCE_FUNCTIONS_PUBLISH_DIR";

    /// <summary>Where the CDK app publishes by default, relative to the repository root.</summary>
    public static readonly string DefaultOutput = Path.Combine("cdk", ".build", "functions", RuntimeIdentifier);

    /// <summary>
    /// The full path of <c>bootstrap</c>. A <paramref name="directory"/> given here or in
    /// <see cref="PublishDirectoryVariable"/> is used as it is (it must hold the binary). Otherwise the CDK app's
    /// default folder is used, and published first if it has no binary or if a file of the functions project or of
    /// a project it references (bin/ and obj/ aside), or a root build file, was written after the newest file of the
    /// publish: a cheap modification-time check, not a build. Publishing prints a one-line notice through
    /// <paramref name="notice"/> (default: stderr) and is serialised across processes by a lock file beside the folder.
    /// </summary>
    public static async Task<string> LocateAsync(string? directory = null, Action<string>? notice = null, CancellationToken cancellationToken = default)
    {
        notice ??= Console.Error.WriteLine;
        var root = FindRepositoryRoot();
        directory ??= Environment.GetEnvironmentVariable(PublishDirectoryVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
        if (directory is not null)
        {
            var given = Path.Combine(Path.GetFullPath(directory, root), ExecutableName);
            return File.Exists(given)
                ? given
                : throw new FileNotFoundException($"No '{ExecutableName}' in '{Path.GetDirectoryName(given)}': publish src/Remittance.Functions for {RuntimeIdentifier} there first.", given);
        }

        var output = Path.Combine(root, DefaultOutput);
        var bootstrap = Path.Combine(output, ExecutableName);
        if (StaleReason(root, output) is null)
        {
            return bootstrap;
        }

        await using var publishLock = await FunctionsPublish.AcquireLockAsync(output + ".lock", notice, cancellationToken).ConfigureAwait(false);

        // Another process may have published while this one waited for the lock.
        if (StaleReason(root, output) is { } reason)
        {
            notice($"[remittance] publishing the function binary into {output} ({reason}); this takes a few minutes");
            await FunctionsPublish.RunAsync(root, FunctionsProject(root), output, cancellationToken).ConfigureAwait(false);
        }

        return File.Exists(bootstrap)
            ? bootstrap
            : throw new InvalidOperationException($"dotnet publish finished but left no '{ExecutableName}' in '{output}'.");
    }

    /// <summary>The folder holding Remittance.sln, found by walking up from this program's folder, then the current one.</summary>
    public static string FindRepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Remittance.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException($"Remittance.sln not found above '{AppContext.BaseDirectory}' or '{Environment.CurrentDirectory}'.");
    }

    internal static string FunctionsProject(string root) => Path.Combine(root, "src", "Remittance.Functions", "Remittance.Functions.csproj");

    /// <summary>Why the published binary cannot be used as it is, or null when it can.</summary>
    internal static string? StaleReason(string root, string output)
    {
        if (!File.Exists(Path.Combine(output, ExecutableName)))
        {
            return $"no {ExecutableName} there yet";
        }

        var publishedAt = Directory.EnumerateFiles(output).Max(File.GetLastWriteTimeUtc);
        var changed = SourceFiles(root).FirstOrDefault(file => File.GetLastWriteTimeUtc(file) > publishedAt);
        return changed is null ? null : $"{Path.GetRelativePath(root, changed)} changed since the last publish";
    }

    private static IEnumerable<string> SourceFiles(string root)
    {
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" })
        {
            var file = Path.Combine(root, name);
            if (File.Exists(file))
            {
                yield return file;
            }
        }

        foreach (var project in ProjectClosure(FunctionsProject(root)))
        {
            var projectDirectory = Path.GetDirectoryName(project)!;
            var outputs = new[] { Path.Combine(projectDirectory, "bin"), Path.Combine(projectDirectory, "obj") };
            foreach (var file in Directory.EnumerateFiles(projectDirectory, "*", SearchOption.AllDirectories))
            {
                if (!outputs.Any(folder => file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
                {
                    yield return file;
                }
            }
        }
    }

    /// <summary>The project and every project it references, directly or not.</summary>
    private static HashSet<string> ProjectClosure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(next)!;
            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                if (reference.Attribute("Include")?.Value is { Length: > 0 } include)
                {
                    pending.Push(Path.GetFullPath(include.Replace('\\', Path.DirectorySeparatorChar), directory));
                }
            }
        }

        return seen;
    }
}
