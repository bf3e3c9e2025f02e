using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Remittance.Domain.Hashing;

/// <summary>
/// Writes a JSON tree in one canonical form, so that equal payloads give equal bytes however they were formatted:
/// object keys sorted by UTF-16 code units (ordinal), no whitespace, strings escaped only where JSON requires it
/// (<c>"</c>, <c>\</c>, and U+0000–U+001F, with the short escapes where they exist and lowercase <c>\u00xx</c>
/// otherwise), other characters as raw UTF-8, and numbers as their original JSON text. Stored hashes depend on this
/// form: changing it makes every redelivered message look like a conflict, so it is written out here by hand
/// rather than left to a serializer whose escaping may change between releases.
/// </summary>
internal static class CanonicalJson
{
    public static void Write(JsonNode? node, IBufferWriter<byte> output)
    {
        switch (node)
        {
            case null:
                output.Write("null"u8);
                break;
            case JsonObject obj:
                output.Write("{"u8);
                var first = true;
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        output.Write(","u8);
                    }

                    first = false;
                    WriteString(key, output);
                    output.Write(":"u8);
                    Write(value, output);
                }

                output.Write("}"u8);
                break;
            case JsonArray array:
                output.Write("["u8);
                for (var index = 0; index < array.Count; index++)
                {
                    if (index > 0)
                    {
                        output.Write(","u8);
                    }

                    Write(array[index], output);
                }

                output.Write("]"u8);
                break;
            case JsonValue value:
                WriteValue(value, output);
                break;
        }
    }

    /// <summary>
    /// The same form for a parsed element, read straight from its UTF-8 text: the tree is not materialized, and strings
    /// and names that need no escaping are copied as they are (their bytes are exactly what the node form writes).
    /// Objects must not repeat a property name (the message parsers refuse such bodies before anything is hashed).
    /// </summary>
    public static void Write(JsonElement element, PooledBufferWriter output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, output);
                break;
            case JsonValueKind.Array:
                output.Write((byte)'[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        output.Write((byte)',');
                    }

                    first = false;
                    Write(item, output);
                }

                output.Write((byte)']');
                break;
            case JsonValueKind.String:
                var quoted = JsonMarshal.GetRawUtf8Value(element);
                if (IsVerbatim(quoted[1..^1]))
                {
                    output.Write(quoted);
                }
                else
                {
                    WriteString(element.GetString() ?? string.Empty, output);
                }

                break;
            case JsonValueKind.Number:
                output.Write(JsonMarshal.GetRawUtf8Value(element));
                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            default:
                output.Write("null"u8);
                break;
        }
    }

    private static void WriteObject(JsonElement obj, PooledBufferWriter output)
    {
        var count = obj.GetPropertyCount();
        var inline = default(InlineEntries);
        var rented = count > InlineEntries.Length ? ArrayPool<Entry>.Shared.Rent(count) : null;
        var entries = rented is null ? ((Span<Entry>)inline)[..count] : rented.AsSpan(0, count);
        try
        {
            var index = 0;
            foreach (var property in obj.EnumerateObject())
            {
                entries[index++] = new Entry(property);
            }

            Sort(entries);
            output.Write((byte)'{');
            for (index = 0; index < entries.Length; index++)
            {
                if (index > 0)
                {
                    output.Write((byte)',');
                }

                var property = entries[index].Property;
                var name = JsonMarshal.GetRawUtf8PropertyName(property);
                if (entries[index].IsPlainAscii || IsVerbatim(name))
                {
                    output.WriteQuoted(name);
                }
                else
                {
                    WriteString(property.Name, output);
                }

                output.Write((byte)':');
                Write(property.Value, output);
            }

            output.Write((byte)'}');
        }
        finally
        {
            if (rented is not null)
            {
                // The properties refer to the document: the pool must not keep it alive.
                ArrayPool<Entry>.Shared.Return(rented, clearArray: true);
            }
        }
    }

    // Insertion sort with the comparison inlined for the few properties of an ordinary object (the general sort goes
    // through a delegate per comparison); the library's sort for wide ones.
    private static void Sort(Span<Entry> entries)
    {
        if (entries.Length > InlineEntries.Length)
        {
            entries.Sort(default(EntryOrder));
            return;
        }

        for (var next = 1; next < entries.Length; next++)
        {
            var entry = entries[next];
            var index = next - 1;
            while (index >= 0 && EntryOrder.Compare(in entries[index], in entry) > 0)
            {
                entries[index + 1] = entries[index];
                index--;
            }

            entries[index + 1] = entry;
        }
    }

    /// <summary>
    /// A property, whether its name is unescaped ASCII, and for such a name its first eight bytes as one number
    /// (big-endian, zero-padded: no plain name holds a zero byte), so most comparisons need not read the names.
    /// </summary>
    private readonly struct Entry
    {
        public Entry(JsonProperty property)
        {
            Property = property;
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            var plain = true;
            ulong head = 0;
            for (var index = 0; index < name.Length; index++)
            {
                var b = name[index];
                plain &= b < 0x80 && b != (byte)'\\';
                if (index < sizeof(ulong))
                {
                    head |= (ulong)b << (8 * (sizeof(ulong) - 1 - index));
                }
            }

            IsPlainAscii = plain;
            Head = plain ? head : 0;
        }

        public JsonProperty Property { get; }

        public bool IsPlainAscii { get; }

        public ulong Head { get; }
    }

    /// <summary>Room for the properties of an ordinary object, on the stack.</summary>
    [InlineArray(Length)]
    private struct InlineEntries
    {
        public const int Length = 16;

        private Entry _first;
    }

    // Ordinal UTF-16 order, as the node form sorts. For ASCII names that is the order of their bytes; anything else
    // (escapes, other scripts, where UTF-8 and UTF-16 orders can differ) is compared as decoded strings.
    private readonly struct EntryOrder : IComparer<Entry>
    {
        public static int Compare(in Entry left, in Entry right)
        {
            if (!left.IsPlainAscii || !right.IsPlainAscii)
            {
                return string.CompareOrdinal(left.Property.Name, right.Property.Name);
            }

            return left.Head != right.Head
                ? left.Head.CompareTo(right.Head)
                : JsonMarshal.GetRawUtf8PropertyName(left.Property).SequenceCompareTo(JsonMarshal.GetRawUtf8PropertyName(right.Property));
        }

        int IComparer<Entry>.Compare(Entry left, Entry right) => Compare(in left, in right);
    }

    // Raw JSON string content without escapes cannot hold '"', a backslash or control characters (the reader refuses them), so
    // when it is also well-formed UTF-8 it is byte for byte what WriteString makes of the decoded text.
    private static bool IsVerbatim(ReadOnlySpan<byte> raw) => !raw.Contains((byte)'\\') && Utf8.IsValid(raw);

    private static void WriteValue(JsonValue value, IBufferWriter<byte> output)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(StringOf(value), output);
                break;
            case JsonValueKind.Number:
                output.Write(Encoding.UTF8.GetBytes(NumberText(value)));
                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            default:
                output.Write("null"u8);
                break;
        }
    }

    private static string StringOf(JsonValue value)
    {
        if (value.TryGetValue<string>(out var text))
        {
            return text;
        }

        if (value.TryGetValue<JsonElement>(out var element))
        {
            return element.GetString() ?? string.Empty;
        }

        // A value built in code from a char, a Guid, a DateTime…: read back the JSON string it writes.
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value.ToJsonString()));
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }

    private static string NumberText(JsonValue value) =>
        value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : value.ToJsonString();

    private static void WriteString(string text, IBufferWriter<byte> output)
    {
        output.Write("\""u8);
        Span<byte> encoded = stackalloc byte[4];
        for (var index = 0; index < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != OperationStatus.Done)
            {
                // Only reachable for trees built in code; keeps unpaired surrogates distinct instead of replacing them.
                WriteUnicodeEscape(text[index], output);
                index++;
                continue;
            }

            switch (rune.Value)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\b': output.Write("\\b"u8); break;
                case '\f': output.Write("\\f"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\r': output.Write("\\r"u8); break;
                case '\t': output.Write("\\t"u8); break;
                case < 0x20: WriteUnicodeEscape(rune.Value, output); break;
                default:
                    output.Write(encoded[..rune.EncodeToUtf8(encoded)]);
                    break;
            }

            index += consumed;
        }

        output.Write("\""u8);
    }

    private static void WriteUnicodeEscape(int codeUnit, IBufferWriter<byte> output)
    {
        const string Hex = "0123456789abcdef";
        output.Write([(byte)'\\', (byte)'u',
            (byte)Hex[(codeUnit >> 12) & 0xF], (byte)Hex[(codeUnit >> 8) & 0xF],
            (byte)Hex[(codeUnit >> 4) & 0xF], (byte)Hex[codeUnit & 0xF]]);
    }
}
