using System.Text;

namespace Remittance.Notifications.Templates;

/// <summary>
/// Escapes exactly the characters Handlebars escapes in <c>{{x}}</c> (&amp; &lt; &gt; " ' ` =), so an EMAIL body renders
/// byte for byte as Amazon SES would render the same template with the same data.
/// </summary>
internal static class HtmlEscaper
{
    public static void Append(StringBuilder output, string text)
    {
        foreach (var c in text)
        {
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                '=' => "&#x3D;",
                _ => null,
            };
            if (replacement is null)
            {
                output.Append(c);
            }
            else
            {
                output.Append(replacement);
            }
        }
    }

    public static string Escape(string text)
    {
        var output = new StringBuilder(text.Length);
        Append(output, text);
        return output.ToString();
    }
}
