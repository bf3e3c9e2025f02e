namespace Remittance.Cdk.Configuration;

/// <summary>Finds the repository root (the folder holding Remittance.sln), wherever the app or its tests run from.</summary>
public static class RepositoryLayout
{
    public const string SolutionFile = "Remittance.sln";

    public static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"Could not find {SolutionFile} above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}': run the CDK app from the repository's cdk/ folder.");
    }
}
