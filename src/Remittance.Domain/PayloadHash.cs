using System.Security.Cryptography;
using System.Text.Json;
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
        using var canonical = new PooledBufferWriter();
        CanonicalJson.Write(node, canonical);
        return Hex(canonical.WrittenSpan);
    }

    /// <summary>
    /// The same hash as for the element's node form (<see cref="JsonObject.Create(JsonElement, JsonNodeOptions?)"/>),
    /// computed from the parsed text without building the nodes. Objects must not repeat a property name.
    /// </summary>
    public static string Compute(JsonElement element)
    {
        using var canonical = new PooledBufferWriter();
        CanonicalJson.Write(element, canonical);
        return Hex(canonical.WrittenSpan);
    }

    /// <summary>The exact bytes that are hashed, for diagnosing an unexpected conflict.</summary>
    public static byte[] CanonicalBytes(JsonNode? node)
    {
        using var canonical = new PooledBufferWriter();
        CanonicalJson.Write(node, canonical);
        return canonical.WrittenSpan.ToArray();
    }

    /// <inheritdoc cref="CanonicalBytes(JsonNode?)"/>
    public static byte[] CanonicalBytes(JsonElement element)
    {
        using var canonical = new PooledBufferWriter();
        CanonicalJson.Write(element, canonical);
        return canonical.WrittenSpan.ToArray();
    }

    private static string Hex(ReadOnlySpan<byte> canonical)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonical, hash);
        return Convert.ToHexStringLower(hash);
    }
}
