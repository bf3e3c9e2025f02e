namespace Remittance.Bench.Support;

/// <summary>Where the repository is (found from the working directory or the binary) and where results go.</summary>
public sealed class RepositoryPaths
{
    private RepositoryPaths(string root)
    {
        Root = root;
        Output = Path.Combine(root, "out", "bench");
    }

    public string Root { get; }

    /// <summary>out/bench: published binaries, outboxes and each benchmark's Markdown result (out/ is git-ignored).</summary>
    public string Output { get; }

    public string Samples => Path.Combine(Root, "samples");

    public static RepositoryPaths Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Remittance.sln")))
                {
                    return new RepositoryPaths(directory.FullName);
                }
            }
        }

        throw new InvalidOperationException("Run the harness from inside the repository (no Remittance.sln found above the working directory).");
    }

    public string OutputPath(params string[] parts)
    {
        var path = Path.Combine([Output, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
