namespace Remittance.Notifications;

/// <summary>A catalog that cannot be used, with every problem found (not just the first), so one edit can fix them all.</summary>
public sealed class NotificationCatalogException : Exception
{
    public NotificationCatalogException(string directory, IReadOnlyList<CatalogProblem> problems)
        : base(Describe(directory, problems))
    {
        Directory = directory;
        Problems = problems;
    }

    public string Directory { get; }

    public IReadOnlyList<CatalogProblem> Problems { get; }

    private static string Describe(string directory, IReadOnlyList<CatalogProblem> problems) =>
        $"The notification catalog in '{directory}' has {problems.Count} problem{(problems.Count == 1 ? string.Empty : "s")}:"
        + string.Concat(problems.Select(p => Environment.NewLine + "  - " + p));
}
