using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Remittance.Domain.Hashing;

namespace Remittance.Domain;

/// <summary>
/// Step Functions execution names, chosen before the item is written so that starting an execution twice for the
/// same attempt is refused by Step Functions itself. Shape: <c>{readable prefix}-{hash}-{attempt}</c>, e.g.
/// <c>inv-2026-0042-2m4q7c…-1</c>. The hash makes the name unique (request IDs may be 128 code points of any script,
/// far more than fits), the prefix only helps people find an execution in the console.
/// </summary>
public static class ExecutionName
{
    public const int MaxLength = 80;

    /// <summary>Characters of SHA-256 in base32: 100 bits, so collisions among request IDs are not a concern.</summary>
    public const int HashLength = 20;

    // Budgeted for the longest attempt number (int.MaxValue) so the prefix never shifts between attempts.
    private const int MaxAttemptDigits = 10;
    private const int MaxPrefixLength = MaxLength - HashLength - MaxAttemptDigits - 2;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="requestId">Hashed as exact UTF-8; must be well-formed UTF-16 (valid request IDs always are).</param>
    /// <param name="attempt">1 for the first execution, then 2, 3… for retries.</param>
    public static string For(string requestId, int attempt)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);

        // Built in place: every ingested message gets a name, and request IDs are at most 512 UTF-8 bytes.
        const int StackBytes = 512;
        var byteCount = s_strictUtf8.GetByteCount(requestId);
        var rented = byteCount > StackBytes ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        try
        {
            var utf8 = rented ?? stackalloc byte[StackBytes];
            SHA256.HashData(utf8[..s_strictUtf8.GetBytes(requestId, utf8)], digest);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        Span<char> name = stackalloc char[MaxLength];
        var length = ReadablePrefix(requestId, name);
        if (length > 0)
        {
            name[length++] = '-';
        }

        Base32.Encode(digest, name.Slice(length, HashLength));
        length += HashLength;
        name[length++] = '-';
        attempt.TryFormat(name[length..], out var digits, provider: CultureInfo.InvariantCulture);
        return new string(name[..(length + digits)]);
    }

    /// <summary>1–80 characters of <c>[A-Za-z0-9_-]</c>: what Step Functions accepts everywhere, logging included.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: >= 1 and <= MaxLength } && name.All(IsAllowed);

    // Keeps ASCII letters, digits, '_' and '-'. A run of anything else becomes one '_' between two letters or digits,
    // so word boundaries survive ("inv #42" → "inv_42"); separators are never leading, doubled by us, or trailing.
    private static int ReadablePrefix(string requestId, Span<char> prefix)
    {
        var length = 0;
        var pendingSeparator = false;
        foreach (var c in requestId)
        {
            if (!IsAllowed(c))
            {
                pendingSeparator = true;
                continue;
            }

            var isSeparator = IsSeparator(c);
            if (length == 0 && isSeparator)
            {
                continue;
            }

            var addSeparator = pendingSeparator && !isSeparator && length > 0 && !IsSeparator(prefix[length - 1]);
            pendingSeparator = false;
            if (length + (addSeparator ? 2 : 1) > MaxPrefixLength)
            {
                break;
            }

            if (addSeparator)
            {
                prefix[length++] = '_';
            }

            prefix[length++] = c;
        }

        while (length > 0 && IsSeparator(prefix[length - 1]))
        {
            length--;
        }

        return length;
    }

    private static bool IsSeparator(char c) => c is '_' or '-';

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
