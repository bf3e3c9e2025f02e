using System.Text.RegularExpressions;
using Remittance.IntegrationTests.Infrastructure;

namespace Remittance.IntegrationTests;

/// <summary>The README never lies: CI runs exactly the test command it documents, and its run command names real paths.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void Readme_TestCommand_IsTheOneCiRuns()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var ci = File.ReadAllLines(RepositoryRoot.Combine(".ci", "run")).Select(l => l.Trim()).ToList();

        var testCommand = TestCommand().Match(readme);
        Assert.True(testCommand.Success, "README.md must show the test command as `dotnet test ...` in a shell block");
        Assert.Contains(testCommand.Value.Trim(), ci);
    }

    [Fact]
    public void Readme_RunCommand_PointsAtCheckedInSamples()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));

        var run = RunCommand().Match(readme);
        Assert.True(run.Success, "README.md must show the local run command");
        Assert.True(Directory.Exists(RepositoryRoot.Combine(run.Groups["input"].Value)));
    }

    [GeneratedRegex(@"^dotnet test [^\n]*$", RegexOptions.Multiline)]
    private static partial Regex TestCommand();

    [GeneratedRegex(@"^dotnet run --project src/Remittance\.Cli -- local run --input (?<input>\S+)", RegexOptions.Multiline)]
    private static partial Regex RunCommand();
}
