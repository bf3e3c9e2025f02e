namespace Remittance.Notifications.Tests.Support;

/// <summary>Locates checked-in files (samples, catalog) from the test binaries, wherever the repository is.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Remittance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Remittance.sln above {AppContext.BaseDirectory}.");
    }
}
