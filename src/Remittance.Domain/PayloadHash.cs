using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Remittance.Domain.Hashing;

namespace Remittance.Domain;

/// <summary>
/// Fingerprints a message payload so a redelivery (same payload) can be told from a conflict (same request ID,
/// different payload). Whitespace and key order do not count; every value, including unknown fields, does.
/// Numbers count as written: <c>1.0</c> and <c>1</c> differ, which is right for a partner contract where
/// amounts are strings anyway.
/// </summary>
public static class PayloadHash
{
    /// <returns>64 lowercase hex characters: SHA-256 of the canonical JSON form.</returns>
    public static string Compute(JsonNode? node)
    {
        var canonical = new ArrayBufferWriter<byte>();
        CanonicalJson.Write(node, canonical);
        return Convert.ToHexStringLower(SHA256.HashData(canonical.WrittenSpan));
    }

    /// <summary>The exact bytes that are hashed, for diagnosing an unexpected conflict.</summary>
    public static byte[] CanonicalBytes(JsonNode? node)
    {
        var canonical = new ArrayBufferWriter<byte>();
        CanonicalJson.Write(node, canonical);
        return canonical.WrittenSpan.ToArray();
    }
}
