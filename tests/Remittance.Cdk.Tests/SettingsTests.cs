using Amazon.CDK;
using Remittance.Cdk.Bundling;
using Remittance.Cdk.Configuration;
using Remittance.Cdk.Tests.Support;

namespace Remittance.Cdk.Tests;

/// <summary>Context is validated before anything is built, with messages naming the setting.</summary>
public sealed class SettingsTests
{
    private static DeploymentSettings Read(Dictionary<string, object> context) =>
        DeploymentSettings.FromContext(new App(new AppProps { Context = context }).Node);

    [Fact]
    public void Settings_FromCdkJson_AreTheDocumentedDefaults()
    {
        var settings = Read(CdkJson.Context());

        Assert.Equal("dev", settings.Stage);
        Assert.Empty(settings.PartnerAccountIds);
        Assert.Equal(3, settings.RetryThreshold);
        Assert.Equal(15, settings.SweeperScheduleMinutes);
        Assert.Null(settings.AlarmEmail);
        Assert.True(settings.RetainData);
        Assert.Equal(DeploymentSettings.DefaultNotificationCatalogDir, settings.NotificationCatalogDir);
    }

    [Fact]
    public void NotificationCatalog_ThatDoesNotExist_FailsTheSynth_NamingTheSetting()
    {
        var settings = Read(new() { [ContextKeys.NotificationCatalogDir] = "samples/no-such-catalog" });

        var error = Assert.Throws<InvalidOperationException>(() => NotificationCatalogBundle.Resolve(settings, RepositoryLayout.FindRoot()));
        Assert.Contains(ContextKeys.NotificationCatalogDir, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotificationCatalog_ThatIsNotValid_FailsTheSynth_WithTheCatalogsProblems()
    {
        // The samples folder itself is a directory, but not a catalog: no rules.json or templates.json at its root.
        var settings = Read(new() { [ContextKeys.NotificationCatalogDir] = "samples" });

        var error = Assert.Throws<InvalidOperationException>(() => NotificationCatalogBundle.Resolve(settings, RepositoryLayout.FindRoot()));
        Assert.Contains(ContextKeys.NotificationCatalogDir, error.Message, StringComparison.Ordinal);
        Assert.Contains("rules.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartnerAccountIds_GivenOnTheCommandLine_AreSplitOnCommas()
    {
        var settings = Read(new() { [ContextKeys.PartnerAccountIds] = "111111111111, 222222222222" });

        Assert.Equal(["111111111111", "222222222222"], settings.PartnerAccountIds);
    }

    [Fact]
    public void Numbers_GivenOnTheCommandLine_AreParsed()
    {
        var settings = Read(new() { [ContextKeys.RetryThreshold] = "5", [ContextKeys.SweeperScheduleMinutes] = "30", [ContextKeys.RetainData] = "false" });

        Assert.Equal(5, settings.RetryThreshold);
        Assert.Equal(30, settings.SweeperScheduleMinutes);
        Assert.False(settings.RetainData);
    }

    [Theory]
    [InlineData(ContextKeys.Stage, "Prod_1")]
    [InlineData(ContextKeys.PartnerAccountIds, "12345")]
    [InlineData(ContextKeys.RetryThreshold, "0")]
    [InlineData(ContextKeys.SweeperScheduleMinutes, "1")]
    [InlineData(ContextKeys.AlarmEmail, "not-an-address")]
    public void InvalidValue_FailsTheSynth_NamingTheSetting(string key, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => Read(new() { [key] = value }));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }
}
