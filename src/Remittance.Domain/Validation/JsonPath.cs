using System.Buffers;
using System.Globalization;

namespace Remittance.Domain.Validation;

/// <summary>
/// Field paths as partners read them: <c>amount</c>, <c>payee.country</c>, <c>invoiceIds[3]</c>, and <c>$</c> for the
/// whole body. Names that are not identifiers are bracketed, e.g. <c>partnerMetadata['trace id']</c>.
/// </summary>
internal static class JsonPath
{
    public const string Root = "$";

    private static readonly SearchValues<char> s_identifierCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    public static string Child(string parent, string name)
    {
        if (!IsIdentifier(name))
        {
            var quoted = "['" + Quote.Shorten(name).Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("'", "\\'", StringComparison.Ordinal) + "']";
            return parent == Root ? quoted : parent + quoted;
        }

        return parent == Root ? name : parent + "." + name;
    }

    // Formatted in place (FormattableString.Invariant goes through composite formatting): one per invoice ID.
    public static string Index(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");

    private static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= Quote.MaxLength
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && !name.AsSpan().ContainsAnyExcept(s_identifierCharacters);
}
