namespace Remittance.Notifications.Tests.Support;

/// <summary>The default catalog in <c>samples/notifications</c>, loaded once: it is immutable.</summary>
internal static class ShippedCatalog
{
    public static string Directory { get; } = RepositoryRoot.Combine("samples", "notifications");

    public static NotificationCatalog Instance { get; } = NotificationCatalog.Load(Directory);

    public static TemplateSelector Selector { get; } = new(Instance);
}
