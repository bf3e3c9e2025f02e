using Remittance.Cdk.Configuration;
using Remittance.Cdk.Tests.Support;

namespace Remittance.Cdk.Tests;

/// <summary>The deployment guide and cdk.json keep up with the settings the app reads.</summary>
public sealed class DocumentationTests
{
    private static IEnumerable<string> Keys => typeof(ContextKeys).GetFields()
        .Where(f => f.IsLiteral && f.Name != nameof(ContextKeys.FunctionsPublishDirVariable))
        .Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void DeployGuide_DocumentsEveryContextKey()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryLayout.FindRoot(), "docs", "DEPLOY.md"));

        Assert.All(Keys, key => Assert.Contains($"`{key}`", guide, StringComparison.Ordinal));
        Assert.Contains(ContextKeys.FunctionsPublishDirVariable, guide, StringComparison.Ordinal);
    }

    [Fact]
    public void CdkJson_SetsEveryContextKeyButThePublishFolder()
    {
        var context = CdkJson.Read()["context"]!.AsObject();

        Assert.All(Keys.Where(k => k != ContextKeys.FunctionsPublishDir), key => Assert.True(context.ContainsKey(key), key));
        Assert.Equal("dotnet run --project Remittance.Cdk/Remittance.Cdk.csproj --configuration Release", CdkJson.Read()["app"]!.GetValue<string>());
    }
}
