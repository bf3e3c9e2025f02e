using System.Globalization;
using System.Text;

namespace Remittance.Domain.Tests.Support;

/// <summary>
/// Seeded generators of hostile request IDs: any script, astral characters and emoji, combining marks, '#', spaces
/// inside. Every string is a valid request ID (printable, not blank at the ends, 1–128 code points) so the properties
/// tested hold for all IDs the parser lets through.
/// </summary>
internal sealed class RandomText(int seed)
{
    private static readonly (int From, int To)[] s_ranges =
    [
        (0x0021, 0x007E), // ASCII printable, '#' included
        (0x00C0, 0x017F), // accented Latin
        (0x0300, 0x036F), // combining marks
        (0x0400, 0x04FF), // Cyrillic
        (0x3040, 0x30FF), // kana
        (0x4E00, 0x9FFF), // CJK ideographs
        (0xAC00, 0xD7A3), // Hangul
        (0x1F300, 0x1F64F), // emoji (astral)
        (0x20000, 0x2A6DF), // CJK extension B (astral)
    ];

    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public string RequestId(int minLength = 1, int maxLength = RequestIds.MaxLength)
    {
        var length = _random.Next(minLength, maxLength + 1);
        var builder = new StringBuilder();
        for (var index = 0; index < length; index++)
        {
            var isEnd = index == 0 || index == length - 1;
            builder.Append(isEnd ? Printable() : _random.Next(12) == 0 ? " " : Printable());
        }

        var id = builder.ToString();
        return RequestIds.ReservedPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)) ? "x" + id[1..] : id;
    }

    public string NonAscii()
    {
        while (true)
        {
            var text = Printable();
            if (!char.IsAscii(text[0]))
            {
                return text;
            }
        }
    }

    public string Printable()
    {
        while (true)
        {
            var (from, to) = s_ranges[_random.Next(s_ranges.Length)];
            var rune = new Rune(_random.Next(from, to + 1));
            if (Rune.GetUnicodeCategory(rune) is not UnicodeCategory.OtherNotAssigned and not UnicodeCategory.Control
                && !Rune.IsWhiteSpace(rune))
            {
                return rune.ToString();
            }
        }
    }
}
