using System.Text.RegularExpressions;
using static System.FormattableString;

namespace Remittance.Domain.Validation;

/// <summary>
/// <c>payee.locale</c>, optional: the shape of a BCP 47 language tag (language, then optional script, region,
/// variants, extensions and private use). Only the shape is checked: whether "xx-YY" names a real language is left
/// to whoever formats for it, which falls back gracefully anyway. Case is free, as in BCP 47, and kept as sent.
/// </summary>
internal static partial class LocaleField
{
    public const int MinLength = 2;
    public const int MaxLength = 35;

    /// <summary>False when the locale is present but invalid; <paramref Name="locale"/> is null when absent.</summary>
    public static bool TryRead(JsonFields fields, List<ValidationError> errors, out string? locale)
    {
        const string Name = PartnerMessageFields.PayeeLocale;
        var field = fields.PathOf(Name);
        locale = null;
        if (!fields.TryOptional(Name, out var element))
        {
            return true;
        }

        if (!StringValue.TryGet(element, field, errors, out var tag))
        {
            return false;
        }

        if (tag.Length is < MinLength or > MaxLength)
        {
            errors.Add(new ValidationError(field, ErrorCodes.OutOfRange,
                Invariant($"{field} {Quote.Text(tag)} must be {MinLength}–{MaxLength} characters long")));
            return false;
        }

        if (!LanguageTag().IsMatch(tag))
        {
            var hint = tag.Contains('_', StringComparison.Ordinal) ? $" (BCP 47 separates subtags with '-', not '_': '{tag.Replace('_', '-')}')" : string.Empty;
            errors.Add(new ValidationError(field, ErrorCodes.InvalidFormat,
                $"{field} {Quote.Text(tag)} is not a BCP 47 language tag such as 'en', 'en-US', 'pt-BR' or 'zh-Hant-TW'{hint}"));
            return false;
        }

        locale = tag;
        return true;
    }

    [GeneratedRegex(
        "^(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})" + // language, with extended language subtags
        "(?:-[A-Za-z]{4})?" + // script
        "(?:-(?:[A-Za-z]{2}|[0-9]{3}))?" + // region
        "(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*" + // variants
        "(?:-[0-9A-WYZa-wyz](?:-[A-Za-z0-9]{2,8})+)*" + // extensions
        "(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?$", // private use
        RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
