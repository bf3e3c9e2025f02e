namespace Remittance.Notifications.Tests.Support;

/// <summary>A fresh directory per test, removed afterwards, so tests never share files.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory() => System.IO.Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "remittance-notifications-tests", Guid.NewGuid().ToString("N"));

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Path))
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
    }
}
