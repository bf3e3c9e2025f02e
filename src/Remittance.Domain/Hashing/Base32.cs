namespace Remittance.Domain.Hashing;

/// <summary>RFC 4648 base32 in lower case: only letters and digits, so safe in names that allow little else.</summary>
internal static class Base32
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The first <paramref name="length"/> characters (5 bits each) of the encoding of <paramref name="bytes"/>.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, int length)
    {
        Span<char> chars = stackalloc char[length];
        Encode(bytes, chars);
        return new string(chars);
    }

    /// <summary>Fills <paramref name="chars"/> with the first characters of the encoding of <paramref name="bytes"/>.</summary>
    public static void Encode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chars.Length * 5, bytes.Length * 8, nameof(chars));
        int buffer = 0, bits = 0, next = 0;
        for (var index = 0; index < chars.Length; index++)
        {
            if (bits < 5)
            {
                buffer = (buffer << 8) | bytes[next++];
                bits += 8;
            }

            bits -= 5;
            chars[index] = Alphabet[(buffer >> bits) & 0x1F];
        }
    }
}
