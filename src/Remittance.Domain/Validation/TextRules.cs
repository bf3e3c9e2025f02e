using System.Buffers;
using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace Remittance.Domain.Validation;

/// <summary>
/// The rule for every free-text field: printable Unicode with no surrounding whitespace, its length counted in code
/// points. Control characters would corrupt logs and CSV exports, unassigned code points may be given a meaning
/// later, and unpaired surrogates cannot be stored as UTF-8 at all. Format characters (Cf) stay allowed because emoji
/// sequences and bidirectional text need them.
/// </summary>
internal static class TextRules
{
    public static ValidationError? Check(string value, string field, int maxLength, int minLength = 1)
    {
        if (value.Length == 0)
        {
            return new ValidationError(field, ErrorCodes.OutOfRange,
                $"{field} must not be empty; it must be {Bounds(minLength, maxLength)}");
        }

        var length = 0;
        for (var index = 0; index < value.Length; length++)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done)
            {
                return Invalid(field, value, "an unpaired surrogate", value[index], length);
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control:
                    return Invalid(field, value, "a control character", rune.Value, length);
                case UnicodeCategory.OtherNotAssigned:
                    return Invalid(field, value, "an unassigned code point", rune.Value, length);
            }

            index += consumed;
        }

        if (IsBlank(value))
        {
            return new ValidationError(field, ErrorCodes.SurroundingWhitespace,
                $"{field} {Quote.Text(value)} is blank: it holds only whitespace");
        }

        if (Rune.IsWhiteSpace(Rune.GetRuneAt(value, 0)) || Rune.IsWhiteSpace(LastRune(value)))
        {
            return new ValidationError(field, ErrorCodes.SurroundingWhitespace,
                $"{field} {Quote.Text(value)} has leading or trailing whitespace");
        }

        if (length < minLength || length > maxLength)
        {
            return new ValidationError(field, ErrorCodes.OutOfRange,
                Invariant($"{field} {Quote.Text(value)} is {length} characters long (Unicode code points); it must be {Bounds(minLength, maxLength)}"));
        }

        return null;
    }

    // A loop rather than LINQ: Enumerable.All would box the rune enumerator for every text field of every message.
    private static bool IsBlank(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune))
            {
                return false;
            }
        }

        return true;
    }

    private static ValidationError Invalid(string field, string value, string what, int codePoint, int position) =>
        new(field, ErrorCodes.InvalidCharacter,
            Invariant($"{field} {Quote.Text(value)} contains {what} ({Quote.CodePoint(codePoint)}) at character {position + 1}; only printable Unicode is allowed"));

    private static string Bounds(int min, int max) => min == max ? Invariant($"exactly {max} characters") : Invariant($"{min}–{max} characters");

    private static Rune LastRune(string value) =>
        Rune.DecodeLastFromUtf16(value, out var rune, out _) == OperationStatus.Done ? rune : Rune.ReplacementChar;
}
