using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Remittance.Domain.Validation;
using static System.FormattableString;

namespace Remittance.Domain.Parsing;

/// <summary>
/// Turns a body into a JSON value, or into the one error that stops reading it: not Unicode, not JSON, nested too
/// deep, or a string escape that is not valid UTF-16. A first pass with the reader finds these with their position
/// (so nesting is measured rather than guessed from an exception message); only then is the element built.
/// </summary>
internal static class BodyScanner
{
    private const int MaxReasonLength = 240;

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static bool TryRead(string body, out JsonElement root, [NotNullWhen(false)] out ValidationError? error)
    {
        root = default;
        byte[] utf8;
        try
        {
            utf8 = s_strictUtf8.GetBytes(body);
        }
        catch (EncoderFallbackException failure)
        {
            error = Malformed(Invariant(
                $"the body is not valid Unicode: it holds an unpaired surrogate (U+{(int)failure.CharUnknown:X4}) at character index {failure.Index}"));
            return false;
        }

        error = Scan(utf8);
        if (error is not null)
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = PartnerMessageParser.MaxDepth });
        root = JsonElement.ParseValue(ref reader);
        return true;
    }

    private static ValidationError? Scan(ReadOnlySpan<byte> utf8)
    {
        // Unlimited here so that depth is reported as NESTING_TOO_DEEP, not as a reader failure.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = int.MaxValue });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray
                        when reader.CurrentDepth >= PartnerMessageParser.MaxDepth:
                        return new ValidationError(JsonPath.Root, ErrorCodes.NestingTooDeep, Invariant(
                            $"the body nests objects and arrays more than {PartnerMessageParser.MaxDepth} levels deep ({At(utf8, reader.TokenStartIndex)})"));
                    case JsonTokenType.String or JsonTokenType.PropertyName
                        when reader.ValueIsEscaped && !IsValidUtf16(ref reader):
                        return Malformed(
                            $"the body is not valid JSON ({At(utf8, reader.TokenStartIndex)}): a \\u escape leaves a surrogate unpaired");
                }
            }
        }
        catch (JsonException failure)
        {
            return Malformed(Invariant(
                $"the body is not valid JSON (line {failure.LineNumber + 1}, byte {failure.BytePositionInLine + 1}): {Reason(failure)}"));
        }

        return null;
    }

    private static bool IsValidUtf16(ref Utf8JsonReader reader)
    {
        try
        {
            _ = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            // The reader's way of saying an escape such as \ud800 has no partner; reported by the caller.
            return false;
        }
    }

    /// <summary>Line and byte, both counted from 1 as editors do.</summary>
    private static string At(ReadOnlySpan<byte> utf8, long index)
    {
        var before = utf8[..(int)index];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return Invariant($"line {before.Count((byte)'\n') + 1}, byte {index - lineStart + 1}");
    }

    // The reader's own wording, without the position it appends (given separately, counted from 1), and with the
    // text it quotes shortened: for a bad literal it quotes the whole run of letters, which can be the whole body.
    private static string Reason(JsonException failure)
    {
        var message = failure.Message;
        var position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (position < 0 ? message : message[..position])
            .Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal)
            .TrimEnd();
        var quoteEnd = reason.IndexOf("' is ", StringComparison.Ordinal);
        if (reason.StartsWith('\'') && quoteEnd > 0)
        {
            reason = Quote.Text(reason[1..quoteEnd]) + reason[(quoteEnd + 1)..];
        }

        return reason.Length <= MaxReasonLength ? reason : reason[..MaxReasonLength] + "…";
    }

    private static ValidationError Malformed(string message) => new(JsonPath.Root, ErrorCodes.MalformedJson, message);
}
