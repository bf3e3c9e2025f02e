namespace Remittance.Notifications.Outbox;

/// <summary>
/// The local stand-in for sending: one file per notification in a directory, named after the request and the
/// template (<see cref="OutboxFileName"/>), so writing the same notification again finds its file instead of adding
/// one. The file appears whole or not at all (written aside, then renamed), and the file name carries no payee data.
/// </summary>
public sealed class OutboxWriter
{
    public OutboxWriter(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    public string Directory { get; }

    public string PathFor(RenderedNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return Path.Combine(Directory, OutboxFileName.For(notification.RequestId, notification.TemplateId, notification.Channel));
    }

    /// <summary>
    /// Writes the notification unless the same bytes are already there. Two concurrent writers of the same notification
    /// cannot both see <see cref="OutboxWriteResult.AlreadyExisted"/> false: the first rename wins, the second finds its file.
    /// </summary>
    public async Task<OutboxWriteResult> WriteAsync(RenderedNotification notification, CancellationToken cancellationToken = default)
    {
        var path = PathFor(notification);
        var bytes = OutboxFormat.Render(notification);
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = Path.Combine(Directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken).ConfigureAwait(false);
            try
            {
                File.Move(temporary, path, overwrite: false);
                return new OutboxWriteResult(path, AlreadyExisted: false, Changed: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                var existing = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
                if (existing.AsSpan().SequenceEqual(bytes))
                {
                    return new OutboxWriteResult(path, AlreadyExisted: true, Changed: false);
                }

                File.Move(temporary, path, overwrite: true);
                return new OutboxWriteResult(path, AlreadyExisted: true, Changed: true);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
