using System.Runtime.InteropServices;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// A published folder's files in the Linux page cache: evicted before a cold-page-cache spawn (a Lambda sandbox reads
/// the package from storage when it starts), and counted (mincore) to show that they really left it. Per file rather
/// than writing /proc/sys/vm/drop_caches: that empties the whole machine's cache — the system libraries, which on
/// Lambda are shared by every sandbox and likely warm, and the files other benchmarks on this machine are reading.
/// </summary>
public static partial class PageCache
{
    private const int DontNeed = 4; // POSIX_FADV_DONTNEED
    private const int ProtectRead = 1; // PROT_READ
    private const int MapShared = 1; // MAP_SHARED

    public static void Evict(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            using var handle = File.OpenHandle(file);
            var descriptor = (int)handle.DangerousGetHandle();

            // Dirty pages (a fresh publish or copy) are not dropped: they are written out first.
            if (DataSync(descriptor) != 0)
            {
                throw new IOException($"fdatasync {file}: errno {Marshal.GetLastPInvokeError()}");
            }

            if (Advise(descriptor, 0, 0, DontNeed) is var error and not 0)
            {
                throw new IOException($"posix_fadvise {file}: errno {error}");
            }
        }
    }

    /// <summary>How many bytes of these files are in the page cache (whole pages; the last page of a file counts as its remainder).</summary>
    public static long ResidentBytes(IEnumerable<string> files) => files.Sum(ResidentBytes);

    private static long ResidentBytes(string file)
    {
        var length = new FileInfo(file).Length;
        if (length == 0)
        {
            return 0;
        }

        using var handle = File.OpenHandle(file);
        var address = Map(0, (nuint)length, ProtectRead, MapShared, (int)handle.DangerousGetHandle(), 0);
        if (address == -1)
        {
            throw new IOException($"mmap {file}: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            var pageSize = Environment.SystemPageSize;
            var pages = new byte[(length + pageSize - 1) / pageSize];
            if (Residency(address, (nuint)length, pages) != 0)
            {
                throw new IOException($"mincore {file}: errno {Marshal.GetLastPInvokeError()}");
            }

            return Enumerable.Range(0, pages.Length).Where(i => (pages[i] & 1) != 0).Sum(i => Math.Min(pageSize, length - ((long)i * pageSize)));
        }
        finally
        {
            _ = Unmap(address, (nuint)length);
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int DataSync(int descriptor);

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Advise(int descriptor, long offset, long length, int advice);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Map(nint address, nuint length, int protection, int flags, int descriptor, long offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Unmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static partial int Residency(nint address, nuint length, [Out] byte[] pages);
}
