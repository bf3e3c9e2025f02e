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

    /// <param name="namesMayRepeat">
    /// False only when no object in the body repeats a property name, so <see cref="DuplicateProperties"/> need not walk
    /// it; true when one does, or when the scan did not keep track (escaped names, very wide objects).
    /// </param>
    public static bool TryRead(string body, out JsonElement root, out bool namesMayRepeat, [NotNullWhen(false)] out ValidationError? error)
    {
        root = default;
        namesMayRepeat = true;
        int length;
        try
        {
            // What Encoding.GetBytes(string) does first, so an unpaired surrogate is reported exactly as before.
            length = s_strictUtf8.GetByteCount(body);
        }
        catch (EncoderFallbackException failure)
        {
            error = Malformed(Invariant(
                $"the body is not valid Unicode: it holds an unpaired surrogate (U+{(int)failure.CharUnknown:X4}) at character index {failure.Index}"));
            return false;
        }

        var utf8 = new byte[length];
        s_strictUtf8.GetBytes(body, utf8);
        error = Scan(utf8, out namesMayRepeat);
        if (error is not null)
        {
            return false;
        }

        // Parsed in place: JsonElement.ParseValue would skip over the body once more and copy it before parsing it.
        // The document is not disposed because the element outlives this call (its pooled index goes to the GC).
        root = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = PartnerMessageParser.MaxDepth }).RootElement;
        return true;
    }

    private static ValidationError? Scan(ReadOnlySpan<byte> utf8, out bool namesMayRepeat)
    {
        // Unlimited here so that depth is reported as NESTING_TOO_DEEP, not as a reader failure.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = int.MaxValue });
        var names = new NameTracker(stackalloc int[PartnerMessageParser.MaxDepth], stackalloc int[2 * NameTracker.MaxOpenNames]);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= PartnerMessageParser.MaxDepth)
                        {
                            namesMayRepeat = true;
                            return new ValidationError(JsonPath.Root, ErrorCodes.NestingTooDeep, Invariant(
                                $"the body nests objects and arrays more than {PartnerMessageParser.MaxDepth} levels deep ({At(utf8, reader.TokenStartIndex)})"));
                        }

                        names.Open();
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        names.Close();
                        break;
                    case JsonTokenType.String or JsonTokenType.PropertyName
                        when reader.ValueIsEscaped && !IsValidUtf16(ref reader):
                        namesMayRepeat = true;
                        return Malformed(
                            $"the body is not valid JSON ({At(utf8, reader.TokenStartIndex)}): a \\u escape leaves a surrogate unpaired");
                    case JsonTokenType.PropertyName:
                        names.Add(utf8, reader.ValueSpan, reader.TokenStartIndex, comparable: !reader.ValueIsEscaped && !reader.HasValueSequence);
                        break;
                }
            }
        }
        catch (JsonException failure)
        {
            namesMayRepeat = true;
            return Malformed(Invariant(
                $"the body is not valid JSON (line {failure.LineNumber + 1}, byte {failure.BytePositionInLine + 1}): {Reason(failure)}"));
        }

        namesMayRepeat = names.MayRepeat;
        return null;
    }

    /// <summary>
    /// Remembers the names of the objects open at the reader's position, as offsets into the body, to tell whether any
    /// object repeats one. Unescaped names are equal exactly when their bytes are; anything it does not compare (an
    /// escaped name, an object wider than it compares one by one) counts as a possible repeat, for the exact walk.
    /// </summary>
    private ref struct NameTracker(Span<int> frames, Span<int> names)
    {
        public const int MaxOpenNames = 256;
        private const int MaxComparedPerObject = 32;

        private readonly Span<int> _frames = frames;
        private readonly Span<int> _names = names;
        private int _depth;
        private int _count;

        public bool MayRepeat { get; private set; }

        public void Open()
        {
            if (!MayRepeat)
            {
                _frames[_depth++] = _count;
            }
        }

        public void Close()
        {
            if (!MayRepeat)
            {
                _count = _frames[--_depth];
            }
        }

        /// <param name="utf8">The body.</param>
        /// <param name="name">The name as it is written in the body.</param>
        /// <param name="tokenStart">Where the name's token (its opening quote) starts in the body.</param>
        /// <param name="comparable">False for an escaped name: its bytes are not its text.</param>
        public void Add(ReadOnlySpan<byte> utf8, ReadOnlySpan<byte> name, long tokenStart, bool comparable)
        {
            if (MayRepeat)
            {
                return;
            }

            var first = _frames[_depth - 1];
            if (!comparable || _count - first >= MaxComparedPerObject || _count >= MaxOpenNames)
            {
                MayRepeat = true;
                return;
            }

            for (var index = first; index < _count; index++)
            {
                if (utf8.Slice(_names[2 * index], _names[(2 * index) + 1]).SequenceEqual(name))
                {
                    MayRepeat = true;
                    return;
                }
            }

            // The name's text follows its opening quote.
            _names[2 * _count] = checked((int)tokenStart + 1);
            _names[(2 * _count) + 1] = name.Length;
            _count++;
        }
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
