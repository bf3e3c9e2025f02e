namespace Remittance.Tests.Shared;

/// <summary>Finds checked-in files (samples, README) from a test's output folder. Linked into every test project.</summary>
public static class RepositoryRoot
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

        throw new InvalidOperationException("Remittance.sln not found above " + AppContext.BaseDirectory);
    }
}
