using Remittance.Cdk.Configuration;
using Remittance.Notifications;

namespace Remittance.Cdk.Bundling;

/// <summary>
/// The notification catalog (rules.json, templates.json, templates/) the notification workflow function loads at
/// start-up. Loaded here first with the same code, so a broken catalog fails the synth instead of the function's init.
/// </summary>
public static class NotificationCatalogBundle
{
    /// <summary>Where Lambda extracts a layer: the catalog layer's files are at the root of it.</summary>
    public const string LayerMountPath = "/opt";

    public static string Resolve(DeploymentSettings settings, string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var directory = Path.GetFullPath(settings.NotificationCatalogDir, repositoryRoot);
        if (!Directory.Exists(directory))
        {
            throw new InvalidOperationException($"{ContextKeys.NotificationCatalogDir}: '{directory}' does not exist.");
        }

        try
        {
            _ = NotificationCatalog.Load(directory);
        }
        catch (NotificationCatalogException problems)
        {
            throw new InvalidOperationException($"{ContextKeys.NotificationCatalogDir}: the catalog in '{directory}' is not valid: {problems.Message}", problems);
        }

        return directory;
    }
}
