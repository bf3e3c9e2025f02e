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

        var hash = Base32.Encode(SHA256.HashData(s_strictUtf8.GetBytes(requestId)), HashLength);
        var prefix = ReadablePrefix(requestId);
        var suffix = hash + "-" + attempt.ToString(CultureInfo.InvariantCulture);
        return prefix.Length == 0 ? suffix : prefix + "-" + suffix;
    }

    /// <summary>1–80 characters of <c>[A-Za-z0-9_-]</c>: what Step Functions accepts everywhere, logging included.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: >= 1 and <= MaxLength } && name.All(IsAllowed);

    // Keeps ASCII letters, digits, '_' and '-'. A run of anything else becomes one '_' between two letters or digits,
    // so word boundaries survive ("inv #42" → "inv_42"); separators are never leading, doubled by us, or trailing.
    private static string ReadablePrefix(string requestId)
    {
        var prefix = new StringBuilder(MaxPrefixLength);
        var pendingSeparator = false;
        foreach (var c in requestId)
        {
            if (!IsAllowed(c))
            {
                pendingSeparator = true;
                continue;
            }

            var isSeparator = IsSeparator(c);
            if (prefix.Length == 0 && isSeparator)
            {
                continue;
            }

            var addSeparator = pendingSeparator && !isSeparator && prefix.Length > 0 && !IsSeparator(prefix[^1]);
            pendingSeparator = false;
            if (prefix.Length + (addSeparator ? 2 : 1) > MaxPrefixLength)
            {
                break;
            }

            if (addSeparator)
            {
                prefix.Append('_');
            }

            prefix.Append(c);
        }

        while (prefix.Length > 0 && IsSeparator(prefix[^1]))
        {
            prefix.Length--;
        }

        return prefix.ToString();
    }

    private static bool IsSeparator(char c) => c is '_' or '-';

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
