namespace Remittance.Aws.Tests.Support;

/// <summary>Reads the checked-in sample events copied next to the test assembly.</summary>
internal static class Samples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "events", name));
}
