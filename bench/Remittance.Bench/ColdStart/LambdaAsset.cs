using System.IO.Compression;

namespace Remittance.Bench.ColdStart;

/// <summary>
/// What a published folder puts in a Lambda asset: every file but debug symbols (<c>*.dbg</c>, <c>*.pdb</c>), which the
/// runtime never reads — for a Native AOT build that is <c>bootstrap</c> alone. Lambda limits and downloads the zip.
/// </summary>
public static class LambdaAsset
{
    public static IReadOnlyList<FileInfo> Files(string directory) =>
        [.. new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Extension is not ".dbg" and not ".pdb")];

    public static long Bytes(string directory) => Files(directory).Sum(f => f.Length);

    /// <summary>The asset zipped as a deployment would zip it (deflate, optimal level).</summary>
    public static long ZippedBytes(string directory)
    {
        using var zipped = new MemoryStream();
        using (var archive = new ZipArchive(zipped, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Files(directory))
            {
                archive.CreateEntryFromFile(file.FullName, Path.GetRelativePath(directory, file.FullName), CompressionLevel.Optimal);
            }
        }

        return zipped.Length;
    }
}
