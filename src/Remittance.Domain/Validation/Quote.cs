using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Remittance.Domain.Validation;

/// <summary>
/// Renders offending values for error messages: shortened, so a huge value cannot bloat a rejection record, and with
/// control characters and broken surrogates escaped, so a message is always printable.
/// </summary>
internal static class Quote
{
    /// <summary>Longer values are cut here (in code points) and end with an ellipsis.</summary>
    public const int MaxLength = 64;

    public static string Text(string value) => "'" + Shorten(value) + "'";

    public static string Shorten(string value)
    {
        var builder = new StringBuilder(Math.Min(value.Length, MaxLength * 2) + 1);
        var shown = 0;
        for (var index = 0; index < value.Length;)
        {
            if (shown == MaxLength)
            {
                builder.Append('…');
                break;
            }

            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)value[index]:x4}");
                index++;
            }
            else
            {
                if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control)
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
                }
                else
                {
                    builder.Append(value, index, consumed);
                }

                index += consumed;
            }

            shown++;
        }

        return builder.ToString();
    }

    /// <summary>What a JSON value is, for "must be a string; got …" messages.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"a string ({Text(value.GetString() ?? string.Empty)})",
        JsonValueKind.Number => $"a number ({Shorten(value.GetRawText())})",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "no value",
    };

    /// <summary>Code points are shown the way Unicode charts name them, e.g. U+0007, U+1F600.</summary>
    public static string CodePoint(int value) => "U+" + value.ToString("X4", CultureInfo.InvariantCulture);
}
