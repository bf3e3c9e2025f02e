using System.Text.Json.Nodes;
using Remittance.Domain.Enrichment;
using Remittance.Notifications.Locales;
using Remittance.Notifications.Templates;

namespace Remittance.Notifications;

/// <summary>
/// Renders a template over a remittance. The syntax is a subset of Handlebars, so the same template files can be
/// uploaded to Amazon SES and rendered there with <see cref="TemplateData"/> as the template data, with the same result:
/// values are HTML-escaped in EMAIL bodies as Handlebars escapes them, and written as they are in subjects and SMS.
/// </summary>
public static class NotificationRenderer
{
    /// <param name="locale">The locale to write amounts and dates for, usually <see cref="TemplateSelection.Locale"/>.</param>
    public static RenderedNotification Render(NotificationTemplate template, EnrichedRemittance remittance, string locale)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(remittance);
        var tag = Parse(locale);
        var model = TemplateModel.Build(remittance, tag);
        var subject = template.ParsedSubject is { } parsedSubject ? OneLine(TemplateEvaluator.Render(parsedSubject, model, escapeHtml: false)) : null;
        var body = TemplateEvaluator.Render(template.ParsedBody, model, escapeHtml: template.Channel == NotificationChannel.Email);
        return new RenderedNotification(remittance.RequestId, template.Id, template.Channel, tag.ToString(), subject, body, remittance.Payee.Id);
    }

    /// <exception cref="InvalidOperationException">The selection found no template; its explanation says why.</exception>
    public static RenderedNotification Render(TemplateSelection selection, EnrichedRemittance remittance)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.IsFound
            ? Render(selection.Template, remittance, selection.Locale)
            : throw new InvalidOperationException(selection.Explanation);
    }

    /// <summary>The model as JSON: what to pass as SES <c>TemplateData</c> to render the same template there.</summary>
    public static JsonObject TemplateData(EnrichedRemittance remittance, string locale)
    {
        ArgumentNullException.ThrowIfNull(remittance);
        return ToJson(TemplateModel.Build(remittance, Parse(locale)));
    }

    private static LocaleTag Parse(string locale) =>
        LocaleTag.TryParse(locale, out var tag) ? tag : throw new ArgumentException($"'{locale}' is not a language tag.", nameof(locale));

    // A subject is a header: a line break in it would end the header. Data cannot hold one (text rules refuse
    // control characters); this keeps it so whatever a future field holds.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static JsonObject ToJson(ObjectValue value)
    {
        var json = new JsonObject();
        foreach (var (name, field) in value.Fields)
        {
            json[name] = field switch
            {
                ScalarValue scalar => JsonValue.Create(scalar.Text),
                ObjectValue nested => ToJson(nested),
                ListValue list => new JsonArray([.. list.Items.Select(JsonNode? (item) => ToJson(item))]),
                _ => null,
            };
        }

        return json;
    }
}
