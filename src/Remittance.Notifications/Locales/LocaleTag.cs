using System.Diagnostics.CodeAnalysis;

namespace Remittance.Notifications.Locales;

/// <summary>
/// The part of a BCP 47 tag that notifications use: language, optional script, optional region, in their canonical
/// case (<c>pt-BR</c>, <c>zh-Hant-TW</c>). Variants, extensions and private-use subtags are dropped: no template or
/// number format depends on them.
/// </summary>
public sealed record LocaleTag(string Language, string? Script, string? Region)
{
    /// <summary>The last step of every fallback chain: the catalog's locale-independent rules and formats.</summary>
    public const string DefaultKey = "default";

    public static LocaleTag English { get; } = new("en", null, null);

    /// <summary>Accepts any case, as BCP 47 does; rejects what does not start with a 2–8 letter language subtag.</summary>
    public static bool TryParse([NotNullWhen(true)] string? tag, [NotNullWhen(true)] out LocaleTag? locale) =>
        TryParse(tag, out locale, out _);

    /// <param name="hadOtherSubtags">True when the tag had subtags beyond language, script and region, which lookups ignore.</param>
    public static bool TryParse([NotNullWhen(true)] string? tag, [NotNullWhen(true)] out LocaleTag? locale, out bool hadOtherSubtags)
    {
        locale = null;
        hadOtherSubtags = false;
        if (string.IsNullOrEmpty(tag))
        {
            return false;
        }

        var parts = tag.Split('-');
        var language = parts[0];
        if (language.Length is < 2 or > 8 || !language.All(char.IsAsciiLetter))
        {
            return false;
        }

        var next = 1;
        string? script = null, region = null;
        if (next < parts.Length && parts[next].Length == 4 && parts[next].All(char.IsAsciiLetter))
        {
            script = char.ToUpperInvariant(parts[next][0]) + parts[next][1..].ToLowerInvariant();
            next++;
        }

        if (next < parts.Length && IsRegion(parts[next]))
        {
            region = parts[next].ToUpperInvariant();
            next++;
        }

        if (parts.Skip(1).Any(p => p.Length == 0 || !p.All(char.IsAsciiLetterOrDigit)))
        {
            return false;
        }

        locale = new LocaleTag(language.ToLowerInvariant(), script, region);
        hadOtherSubtags = next < parts.Length;
        return true;
    }

    /// <summary>
    /// Most specific first, then <see cref="DefaultKey"/>: <c>zh-Hant-TW</c> → <c>zh-Hant</c> → <c>zh</c> → <c>default</c>;
    /// <c>pt-BR</c> → <c>pt</c> → <c>default</c>.
    /// </summary>
    public IReadOnlyList<string> FallbackKeys()
    {
        var keys = new List<string>(4) { ToString() };
        if (Script is not null && Region is not null)
        {
            keys.Add(Language + "-" + Script);
        }

        if (Script is not null || Region is not null)
        {
            keys.Add(Language);
        }

        keys.Add(DefaultKey);
        return keys;
    }

    public override string ToString() =>
        Language + (Script is null ? string.Empty : "-" + Script) + (Region is null ? string.Empty : "-" + Region);

    private static bool IsRegion(string subtag) =>
        (subtag.Length == 2 && subtag.All(char.IsAsciiLetter)) || (subtag.Length == 3 && subtag.All(char.IsAsciiDigit));
}
