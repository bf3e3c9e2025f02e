namespace Remittance.DynamoDbLocal.Processes;

/// <summary>Finds tools on PATH up front, so a missing one gives an actionable message rather than a Win32Exception.</summary>
internal static class ExecutableLocator
{
    public static string? Find(string name)
    {
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name + ".cmd", name + ".bat" } : [name];
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (var candidate in names)
            {
                var full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                {
                    return full;
                }
            }
        }

        return null;
    }

    /// <summary>JAVA_HOME first, as the JDK tools do, so a developer can pick a JRE without touching PATH.</summary>
    public static string? FindJava()
    {
        if (DynamoDbLocalEnvironment.Read("JAVA_HOME") is { } javaHome)
        {
            var java = Path.Combine(javaHome, "bin", OperatingSystem.IsWindows() ? "java.exe" : "java");
            if (File.Exists(java))
            {
                return java;
            }
        }

        return Find("java");
    }
}
