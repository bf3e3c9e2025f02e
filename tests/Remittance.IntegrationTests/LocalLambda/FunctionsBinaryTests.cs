using Remittance.Local.Lambda;

namespace Remittance.IntegrationTests.LocalLambda;

/// <summary>When the published binary is taken as it is, and when it must be published again, on a throwaway repository layout.</summary>
public sealed class FunctionsBinaryTests : IDisposable
{
    private static readonly DateTime s_published = new(2026, 1, 10, 12, 0, 0, DateTimeKind.Utc);

    private readonly string _root = Directory.CreateTempSubdirectory("remittance-functions-binary-").FullName;

    public FunctionsBinaryTests()
    {
        Write("src/Remittance.Functions/Remittance.Functions.csproj", """<Project><ItemGroup><ProjectReference Include="..\Lib\Lib.csproj" /></ItemGroup></Project>""");
        Write("src/Remittance.Functions/Program.cs", "");
        Write("src/Lib/Lib.csproj", "<Project />");
        Write("src/Lib/Code.cs", "");
        Write("src/Lib/obj/Generated.cs", "");
        Write("src/Unrelated/Unrelated.cs", "");
        Write("Directory.Build.props", "<Project />");
        Write("out/bootstrap", "", s_published);
        Write("out/bootstrap.dll", "", s_published);
    }

    private string Output => Path.Combine(_root, "out");

    [Fact]
    public void StaleReason_WhenEverySourceIsOlderThanThePublish_IsNone() =>
        Assert.Null(FunctionsBinary.StaleReason(_root, Output));

    [Fact]
    public void StaleReason_WhenTheBinaryIsMissing_SaysSo()
    {
        File.Delete(Path.Combine(Output, "bootstrap"));

        Assert.Contains("no bootstrap", FunctionsBinary.StaleReason(_root, Output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Lib/Code.cs")]
    [InlineData("src/Remittance.Functions/Program.cs")]
    [InlineData("Directory.Build.props")]
    public void StaleReason_WhenAFileTheBinaryIsBuiltFromChanged_NamesIt(string changed)
    {
        File.SetLastWriteTimeUtc(Path.Combine(_root, changed), s_published.AddMinutes(1));

        Assert.Contains(changed.Replace('/', Path.DirectorySeparatorChar), FunctionsBinary.StaleReason(_root, Output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("src/Unrelated/Unrelated.cs")]
    [InlineData("src/Lib/obj/Generated.cs")]
    public void StaleReason_WhenOnlyAFileOutsideTheFunctionsProjectsChanged_IsNone(string changed)
    {
        File.SetLastWriteTimeUtc(Path.Combine(_root, changed), s_published.AddMinutes(1));

        Assert.Null(FunctionsBinary.StaleReason(_root, Output));
    }

    [Fact]
    public async Task Locate_WithAGivenDirectoryWithoutTheBinary_FailsNamingTheDirectory()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(() => FunctionsBinary.LocateAsync(Path.Combine(_root, "src")));

        Assert.Contains(Path.Combine(_root, "src"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locate_WithAGivenDirectory_ReturnsItsBinaryAsItIs() =>
        Assert.Equal(Path.Combine(Output, "bootstrap"), await FunctionsBinary.LocateAsync(Output));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relativePath, string content, DateTime? writtenAt = null)
    {
        var path = Path.Combine(_root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        File.SetLastWriteTimeUtc(path, writtenAt ?? s_published.AddHours(-1));
    }
}
