namespace Remittance.Cdk.Tests.Support;

/// <summary>Reads an executable's ELF header: is it a native 64-bit binary, and for which machine.</summary>
public static class NativeExecutable
{
    public const ushort X86_64 = 0x3E;

    public const ushort Aarch64 = 0xB7;

    public static bool IsElf64(string path, out ushort machine)
    {
        Span<byte> header = stackalloc byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        machine = (ushort)(header[18] | (header[19] << 8));
        const byte elfClass64 = 2;
        return header[0] == 0x7F && header[1] == (byte)'E' && header[2] == (byte)'L' && header[3] == (byte)'F' && header[4] == elfClass64;
    }
}
